import type { Direction, Messages } from './en.js';

/** Spanish messages (neutral Latin American Spanish, as US city sites use). */
export const es: Messages = {
  lang: 'es',
  loading: 'Cargando datos…',
  errorTitle: 'No se pudieron cargar los datos',
  errorWidget: 'Este gráfico no se puede mostrar porque no se pudieron cargar sus datos.',
  errorDetails: 'Detalles para quien administra el sitio',
  noFeed: 'Sin fuente de datos: coloque este elemento dentro de <daylight-feed src="…"> o asigne su propiedad feed.',
  notAPeriod: (period) => `period="${period}" no es un periodo. Escriba un año («2024»), un trimestre («2024-Q3»), un mes («2024-07») o una semana («2024-W07»).`,
  unknownMetric: (metric, available) => `Los datos no tienen la métrica «${metric}». Métricas disponibles: ${available}.`,
  noMetricAttribute: 'Indique el atributo metric, por ejemplo metric="incidents".',
  networkError: (url) => `No se pudo acceder a ${url}. Revise la dirección y que el servidor permita que esta página la cargue (CORS).`,
  httpError: (url, status, statusText) =>
    `El servidor respondió ${status}${statusText ? ` ${statusText}` : ''} para ${url}. `
    + (status === 404 ? 'No hay ningún archivo publicado en esa dirección: revise el atributo src.'
      : status >= 500 ? 'El servidor tuvo un problema; inténtelo más tarde o avise a quien administra el sitio.'
        : 'El servidor rechazó la solicitud.'),
  timeoutError: (url, seconds) => `${url} no respondió en ${seconds} segundos. Puede que el servidor no funcione o esté lento; inténtelo más tarde.`,
  notJsonError: (url, start) => `${url} no es un archivo de datos JSON (empieza con «${start}»). Revise que src apunte al archivo de datos y no a una página web.`,
  schemaError: (url, count) => `${url ?? 'Este archivo'} no es un archivo de datos de Daylight válido: ${count === 1 ? 'se encontró 1 problema' : `se encontraron ${count} problemas`}.`,
  moreProblems: (count) => `…y ${count} más.`,
  privacyFaults: (count) =>
    `${count === 1 ? 'Se ocultó 1 valor' : `Se ocultaron ${count} valores`} porque los datos no cumplían una regla de privacidad. Quien administra el sitio debe revisarlos con «daylight audit».`,
  retry: 'Reintentar',
  asOf: (date) => `Datos al ${date}`,
  stale: (date) => `Sin actualizar desde el ${date}`,
  staleExplain: 'Estas cifras son más antiguas de lo que promete el calendario de publicación.',
  suppressedShort: 'Oculto',
  suppressedSentence: 'oculto para proteger la privacidad',
  suppressedExplain: (k) => `Los conteos menores de ${k} se ocultan, y también algunos otros que podrían revelarlos.`,
  notShown: 'No se muestra',
  notShownSentence: 'no se muestra porque hay muy pocos registros para publicarlo de forma segura',
  withheldFault: 'retenido: los datos no cumplían una regla de privacidad',
  noData: 'Sin datos',
  minutes: (value) => `${value} min`,
  minutesLong: (value) => `${value} minutos`,
  perBase: (value, per) => `${value} por cada ${per}`,
  unstable: 'Inestable',
  unstableExplain: 'Se basa en 20 casos o menos, así que puede variar mucho por azar.',
  citywide: 'Toda la ciudad',
  statisticLabel: (label, q) =>
    q === undefined ? label : q === 0.5 ? `Mediana de ${lower(label)}` : `Percentil ${Math.round(q * 100)} de ${lower(label)}`,
  // A quantile's name takes its article in a sentence: "La mediana … fue de", "El percentil 90 … fue de".
  kpiValue: (subject, value, period, isQuantile) =>
    isQuantile ? `${withArticle(subject)} fue de ${value} en ${period}` : `${subject}: ${value} en ${period}`,
  kpiSuppressed: (subject, period, reason) => `${subject} en ${period}: ${reason}.`,
  kpiMissing: (subject, period) => `${subject}: sin datos para ${period}.`,
  kpiNoPeriod: (subject) => `${subject}: todavía no hay datos publicados.`,
  comparison: (difference, direction, period) =>
    direction === 'same' ? `, igual que en ${period}.` : `, ${difference} ${directionWord(direction)} que en ${period}.`,
  comparisonShort: (difference, direction, period) =>
    direction === 'same' ? `Igual que ${period}` : `${difference} ${directionWord(direction)} que ${period}`,
  comparisonUnavailable: (period, why) =>
    why === 'suppressed' ? `. No se puede comparar con ${period}: ese valor está oculto para proteger la privacidad.` : `. No hay datos de ${period} para comparar.`,
  comparisonHidden: (period) => `${period}: oculto, sin comparación`,
  percentagePoints: (value) => `${value} puntos porcentuales`,
  trendSummary: (subject, area, first, last, latest, high) =>
    `${subject}, ${area}, de ${first} a ${last}. Último dato: ${latest}.${high ? ` Máximo: ${high}.` : ''}`,
  valueIn: (value, period) => `${value} en ${period}`,
  hiddenPeriods: (count, k) =>
    `${count === 1 ? '1 periodo está oculto' : `${count} periodos están ocultos`} porque el conteo era menor de ${k} o podía revelar uno.`,
  legendSuppressed: (k) => `Oculto: menos de ${k} o podría revelar uno`,
  legendMissing: 'Sin datos',
  showTable: 'Ver como tabla',
  showChart: 'Ver como gráfico',
  downloadCsv: 'Descargar CSV',
  download: 'Descargar',
  downloadLabel: (title) => `Descargar: ${title}`,
  exportCsv: 'Datos (CSV)',
  exportPng: 'Imagen (PNG)',
  exportSvg: 'Imagen (SVG)',
  exportSource: (source) => `Fuente: ${source}`,
  exportFailed: 'Este navegador no pudo crear la imagen. Descargue los datos (CSV) o la imagen SVG.',
  period: 'Periodo',
  value: 'Valor',
  status: 'Nota',
  chartKeys: 'Use las flechas izquierda y derecha para pasar de un periodo a otro; Inicio y Fin van al primero y al último.',
  noSeries: 'No hay datos para esta selección.',
  // Map
  mapTitle: (subject, level, period) => `${subject} por ${lower(level)}, ${period}`,
  mapRole: 'mapa',
  mapLabel: (title) => `Mapa: ${title}`,
  mapKeys: 'Las flechas llevan al área más cercana en esa dirección, Av Pág y Re Pág recorren todas las áreas una por una, Inicio y Fin van a la primera y a la última, Intro selecciona un área, + y − acercan y alejan, Escape cierra la etiqueta.',
  mapScrollHint: 'Haga clic en el mapa para acercar o alejar con la rueda del ratón.',
  mapTouchHint: 'Use dos dedos para mover el mapa y acercarlo.',
  zoomIn: 'Acercar',
  zoomOut: 'Alejar',
  mapSummaryMost: (area, subject, period, value, share) =>
    `${area} tuvo la cifra más alta de ${lower(subject)} en ${period}: ${value}${share ? `, el ${share} de la ciudad` : ''}.`,
  mapSummaryHighest: (area, subject, period, value) =>
    `${area} tuvo el valor más alto de ${lower(subject)} en ${period}: ${value}.`,
  mapSummaryNone: (subject, period) => `${subject}, ${period}: ninguna área tiene una cifra que se pueda publicar.`,
  mapHiddenAreas: (count, k) =>
    `${count === 1 ? '1 área está oculta' : `${count} áreas están ocultas`} porque el conteo era menor de ${k} o podía revelar uno.`,
  mapNotShownAreas: (count) =>
    `${count === 1 ? '1 área no se muestra' : `${count} áreas no se muestran`} porque hay muy pocos registros detrás para publicarlas con seguridad.`,
  mapPartialAreas: (count) =>
    `${count === 1 ? '1 área no tiene' : `${count} áreas no tienen`} total del año porque parte del año está oculta para proteger la privacidad.`,
  partialShort: 'Oculto',
  partialSentence: 'oculto, porque parte del periodo está oculta para proteger la privacidad',
  legendPartial: 'Oculto en parte del periodo',
  legendUnder: (to) => `Menos de ${to}`,
  legendRange: (from, to) => `${from}–${to}`,
  legendAtLeast: (from) => `${from} o más`,
  legendTitle: 'Leyenda',
  ofCity: (share) => `el ${share} de la ciudad`,
  rankedHeading: 'De mayor a menor',
  area: 'Área',
  shareColumn: 'Parte de la ciudad',
  rateColumn: (per) => `Por cada ${per} habitantes`,
  changeColumn: (period) => `Cambio desde ${period}`,
  areaLabel: (name, value, period) => `${name}: ${value}, ${period}`,
  boundaryProblems: (count) => `${count === 1 ? '1 problema' : `${count} problemas`} con los límites de las áreas; las demás áreas se dibujan.`,
  mapLoadError: 'No se pudo cargar el mapa (quizá se cortó la conexión), así que no se muestra; la lista y la tabla sí. Volver a cargar la página puede traerlo de vuelta.',
  boundaryLoadError: (url) => `No se pudieron cargar los límites de las áreas en ${url}, así que el mapa no se muestra; la lista y la tabla sí.`,
  noBoundaries: 'Estos datos no indican límites de áreas: asigne al atributo areas un archivo GeoJSON.',
  noAreaData: 'Esta métrica no tiene cifras por área.',
  // Tabla, desglose, distribución, embudo, filtro, metodología (elementos del issue 5)
  total: 'Total',
  other: 'Otro',
  unknown: 'Desconocido',
  allPeriods: 'Todos los periodos',
  hiddenShort: 'Oculto',
  hiddenBySubtraction: 'oculto, porque junto con las cifras que se muestran revelaría un conteo oculto',
  unknownDimension: (dimension, available) => `La métrica no tiene la dimensión «${dimension}». Sus dimensiones: ${available}.`,
  byDimension: (subject, dimension) => `${subject} por ${lower(dimension)}`,
  quantileName: (q) => (q === 0.5 ? 'Mediana' : `Percentil ${Math.round(q * 100)}`),
  shareHeading: 'Proporción',
  countHeading: 'Conteo',
  numeratorHeading: 'Conteo',
  denominatorHeading: 'De un total de',
  rateHeading: 'Tasa',
  hiddenRows: (count, k) =>
    `${count === 1 ? '1 cifra está oculta' : `${count} cifras están ocultas`} porque el conteo era menor de ${k} o podía revelar uno.`,
  withheldRows: (count) =>
    `${count === 1 ? 'Se oculta 1 cifra más' : `Se ocultan ${count} cifras más`} para que un conteo oculto no pueda deducirse por resta.`,
  sortedBy: (column, ascending) => `Ordenado por ${lower(column)}, ${ascending ? 'de menor a mayor' : 'de mayor a menor'}.`,
  shareOfTotal: (share) => `el ${share} del total`,
  breakdownSummary: (subject, context, largest, overall) =>
    `${subject}, ${context}. ${largest ? `El más alto: ${largest}.` : 'Ninguna categoría tiene una cifra que se pueda publicar.'}${overall ? ` ${overall}.` : ''}`,
  hiddenCategories: (count, k) =>
    `${count === 1 ? '1 categoría está oculta' : `${count} categorías están ocultas`} porque el conteo era menor de ${k} o podía revelar uno.`,
  totalWithheld: 'El total está oculto para que no se pueda deducir de él una categoría oculta.',
  noComparisonWith: (period) => `sin comparación con ${period}`,
  distributionSummary: (subject, context, parts) => `${subject}, ${context}: ${parts}.`,
  quantileMeaning: (q, value) =>
    q === 0.5 ? `mediana ${value} (la mitad tardó menos y la otra mitad más)` : `percentil ${Math.round(q * 100)} ${value} (${Math.round(q * 100)} de cada 100 tardaron menos)`,
  quantileHiddenSentence: (name, why) => `${lower(name)} ${why}`,
  neverMinMax: 'Los tiempos más cortos y más largos nunca se publican, porque a partir de ellos se podría reconocer un caso concreto.',
  bucketsHeading: 'Cuántos tardaron cuánto',
  bucketRange: (from, to) => `${from}–${to} min`,
  bucketOpen: (from) => `${from} min o más`,
  bucketsSummary: (largest) => `Lo más frecuente: ${largest}.`,
  noDistribution: 'Esta métrica no tiene cuantiles ni tramos de tiempo publicados.',
  rowHeading: 'Grupo',
  stageHeading: 'Etapa',
  conversionHeading: 'Tasa',
  stageAll: 'Todos',
  stageReferred: 'Derivadas',
  stageFollowedUp: 'Con seguimiento',
  conversionOf: (rate, stage) => `${rate} de ${lower(stage)}`,
  funnelSummary: (subject, context, steps) => `${subject}, ${context}: ${steps}.`,
  funnelStep: (stage, value, conversion) => `${stage} ${value}${conversion ? ` (${conversion})` : ''}`,
  hiddenStages: (count, k) =>
    `${count === 1 ? '1 etapa está oculta' : `${count} etapas están ocultas`} porque el conteo era menor de ${k} o podía revelar uno; no se muestra ninguna tasa junto a una etapa oculta.`,
  notAFunnel: (metric) => `«${metric}» no es una proporción ni un conteo con la dimensión stage, así que no se puede dibujar como embudo.`,
  filterLegend: 'Elija qué muestran las cifras',
  filterLatest: 'Más reciente',
  filterReset: 'Ver toda la ciudad, lo más reciente',
  filterShowing: (area, period) => `Se muestra ${area}, ${period}.`,
  methodologyTitle: 'Acerca de estos datos',
  methodologyDefinitions: 'Qué se cuenta',
  methodologyIncludes: 'Incluye',
  methodologyExcludes: 'No incluye',
  methodologySources: 'Fuentes',
  methodologyPrivacy: 'Cómo se protege la privacidad',
  methodologyUpdates: 'Actualización',
  methodologyCaveats: 'Tenga en cuenta',
  methodologyContact: 'Preguntas sobre estas cifras',
  methodologyPublisherNote: 'Nota de quien publica',
  privacyCounts: (below) =>
    `Los conteos de 1 a ${below} se ocultan para proteger la privacidad; otros conteos también se ocultan para que los pequeños no puedan deducirse.`,
  privacyCountsOnly: (below) =>
    `Los conteos de 1 a ${below} se ocultan para proteger la privacidad. Estos datos indican que no se ocultaron otros conteos para protegerlos, así que un conteo pequeño podría deducirse por resta.`,
  privacyQuantiles: (median, p90) =>
    `Una mediana solo se muestra si hay al menos ${median} casos detrás, y un percentil 90 solo con al menos ${p90}; los tiempos más cortos y más largos nunca se muestran.`,
  privacyShares: (k) => `Una proporción o tasa solo se muestra si hay al menos ${k} casos detrás.`,
  privacyOther: (k) => `Las categorías con menos de ${k} casos se agrupan como «Otro».`,
  privacyAreas: 'Los lugares solo se muestran como áreas, nunca como direcciones ni puntos.',
  privacyUnstable: 'Una tasa basada en 20 casos o menos se marca como «inestable»: puede variar mucho por azar.',
  privacyRounding: (base) => `Los conteos se redondean a múltiplos de ${base}, así que los totales pueden no sumar exactamente.`,
  privacyNoise: (epsilon) =>
    `A cada conteo se le suma o resta una pequeña cantidad al azar (un método de «privacidad diferencial», ε = ${epsilon}), para que no se pueda identificar a ninguna persona; los totales pueden no sumar exactamente.`,
  methodologyLag: (days) =>
    days === 0 ? 'Las cifras de un periodo se publican en cuanto termina.' : `Las cifras de un periodo se publican ${days === 1 ? '1 día' : `${days} días`} después de que termina, para incluir los registros tardíos.`,
  methodologyGenerated: (date) => `Este archivo de datos se generó el ${date}.`,
  methodologyPeriod: (from, to) => `Las cifras abarcan del ${from} al ${to}.`,
  methodologyLicense: (name) => `Licencia: ${name}`,
  methodologyEmail: (email) => `Correo: ${email}`,
  methodologyWebsite: 'Sitio web',  // Dashboard
  dashboardContents: 'En esta página',
  dashboardWhere: 'Dónde se concentran la violencia armada y el trauma',
  dashboardWhereQuestion: '¿Dónde se concentran la violencia armada y el trauma, y está cambiando?',
  dashboardCoresponse: 'Respuesta conjunta y segundos intervinientes',
  dashboardCoresponseQuestion: '¿Responde la policía junto con trabajadores sociales y de salud, y hacen seguimiento los segundos intervinientes?',
  dashboardResponse: 'Cómo respondimos',
  dashboardResponseQuestion: '¿Qué tan rápido llegaron, cuánto tiempo se quedaron, a qué servicios se derivó a las personas y hubo seguimiento?',
  dashboardVictims: 'Víctimas anteriores',
  dashboardVictimsQuestion: '¿Qué se hizo por las personas que sufrieron daño antes: se les contactó y se les conectó con ayuda?',
  dashboardMethodology: 'Cómo se elaboran estas cifras',
  // Copia sin conexión (issue 7: <daylight-feed> muestra la última fuente válida si falla una carga posterior)
  offlineCopy: (savedOn) => `Sin conexión: se muestran datos guardados el ${savedOn}`,
  offlineExplain: (asOf) => `No se pudieron cargar los datos más recientes. Estas cifras son una copia anterior, con datos al ${asOf}, y pueden estar desactualizadas.`,
};

function directionWord(direction: Direction): string {
  return {
    more: 'más', fewer: 'menos', higher: 'más alto', lower: 'más bajo', faster: 'más rápido',
    slower: 'más lento', longer: 'más largo', shorter: 'más corto', same: 'igual',
  }[direction];
}

function lower(label: string): string {
  return /^[A-ZÁÉÍÓÚÑ][a-záéíóúñ]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

/** "Mediana de …" -> "La mediana de …", "Percentil 90 de …" -> "El percentil 90 de …"; other subjects as given. */
function withArticle(subject: string): string {
  if (subject.startsWith('Mediana ')) return `La mediana ${subject.slice(8)}`;
  if (subject.startsWith('Percentil ')) return `El percentil ${subject.slice(10)}`;
  return subject;
}
