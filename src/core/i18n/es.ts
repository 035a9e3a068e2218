import type { Direction, Messages } from './en.js';

/** Spanish messages (neutral Latin American Spanish, as US city sites use). */
export const es: Messages = {
  lang: 'es',
  loading: 'Cargando datos…',
  errorTitle: 'No se pudieron cargar los datos',
  errorWidget: 'Este gráfico no se puede mostrar porque no se pudieron cargar sus datos.',
  errorDetails: 'Detalles para quien administra el sitio',
  noFeed: 'Sin fuente de datos: coloque este elemento dentro de <daylight-feed src="…"> o asigne su propiedad feed.',
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
  fewerThan: (k) => `Menos de ${k}`,
  fewerThanSentence: (k) => `menos de ${k}, oculto para proteger la privacidad`,
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
  kpiValue: (subject, value, period, isQuantile) =>
    isQuantile ? `${subject} fue de ${value} en ${period}` : `${subject}: ${value} en ${period}`,
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
  period: 'Periodo',
  value: 'Valor',
  records: 'Registros',
  status: 'Nota',
  chartKeys: 'Use las flechas izquierda y derecha para pasar de un periodo a otro; Inicio y Fin van al primero y al último.',
  pointLabel: (period, value) => `${period}: ${value}`,
  noSeries: 'No hay datos para esta selección.',
  // Map
  mapTitle: (subject, level, period) => `${subject} por ${lower(level)}, ${period}`,
  mapRole: 'mapa',
  mapLabel: (title) => `Mapa: ${title}`,
  mapKeys: 'Las flechas pasan de un área a otra, Inicio y Fin van a la primera y a la última, Intro selecciona un área, + y − acercan y alejan, Escape cierra la etiqueta.',
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
  perResidents: (value, per) => `${value} por cada ${per} habitantes`,
  rankedHeading: 'De mayor a menor',
  area: 'Área',
  shareColumn: 'Parte de la ciudad',
  rateColumn: (per) => `Por cada ${per} habitantes`,
  changeColumn: (period) => `Cambio desde ${period}`,
  areaLabel: (name, value, period) => `${name}: ${value}, ${period}`,
  boundaryProblems: (count) => `${count === 1 ? '1 problema' : `${count} problemas`} con los límites de las áreas; las demás áreas se dibujan.`,
  boundaryLoadError: (url) => `No se pudieron cargar los límites de las áreas en ${url}, así que el mapa no se muestra; la lista y la tabla sí.`,
  noBoundaries: 'Estos datos no indican límites de áreas: asigne al atributo areas un archivo GeoJSON.',
  noAreaData: 'Esta métrica no tiene cifras por área.',
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
