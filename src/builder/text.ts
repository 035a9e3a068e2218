/**
 * Default wording (English and Spanish) for what the builder publishes. A config can override any
 * metric's label, description, includes and excludes; these are what a city gets by default.
 */
import type { Grain, Label, Polarity, Unit } from '../core/types.js';
import type { MetricId } from './config.js';

export interface MetricText {
  label: Label;
  description: Label;
  unit: Unit;
  polarity: Polarity;
  includes: Label[];
  excludes: Label[];
}

export const METRIC_TEXT: Record<MetricId, MetricText> = {
  incidents: {
    label: { en: 'Incidents', es: 'Incidentes' },
    description: { en: 'Distinct incidents: an incident with several victims counts once.', es: 'Incidentes distintos: un incidente con varias víctimas cuenta una vez.' },
    unit: 'count', polarity: 'lower-is-better',
    includes: [{ en: 'Each distinct incident number, in the period and area of its first record', es: 'Cada número de incidente distinto, en el período y el área de su primer registro' }],
    excludes: [{ en: 'Records without a valid date', es: 'Registros sin una fecha válida' }],
  },
  victims: {
    label: { en: 'Victims', es: 'Víctimas' },
    description: { en: 'People harmed: every victim counts, so one incident may add several.', es: 'Personas afectadas: cada víctima cuenta, así que un incidente puede sumar varias.' },
    unit: 'count', polarity: 'lower-is-better',
    includes: [{ en: 'Every victim record, fatal and non-fatal', es: 'Cada registro de víctima, mortal o no' }],
    excludes: [{ en: 'Records without a valid date', es: 'Registros sin una fecha válida' }],
  },
  response_time: {
    label: { en: 'Response time', es: 'Tiempo de respuesta' },
    description: { en: 'Minutes from when the call was received to when the first unit arrived.', es: 'Minutos desde que se recibió la llamada hasta que llegó la primera unidad.' },
    unit: 'minutes', polarity: 'lower-is-better',
    includes: [{ en: 'Calls where at least one unit arrived; the first arriving unit counts', es: 'Llamadas a las que llegó al menos una unidad; cuenta la primera en llegar' }],
    excludes: [
      { en: 'Calls cancelled before any unit arrived', es: 'Llamadas canceladas antes de que llegara una unidad' },
      { en: 'Arrival times before the call was received (data errors) or implausibly long', es: 'Llegadas anteriores a la recepción de la llamada (errores) o inverosímilmente largas' },
    ],
  },
  time_on_scene: {
    label: { en: 'Time on scene', es: 'Tiempo en el lugar' },
    description: { en: 'Minutes from the first unit arriving to the last unit leaving.', es: 'Minutos desde la llegada de la primera unidad hasta la salida de la última.' },
    unit: 'minutes', polarity: 'neutral',
    includes: [{ en: 'Calls with an arrival and a clear time', es: 'Llamadas con hora de llegada y de salida' }],
    excludes: [{ en: 'Calls with no unit on scene, or a clear time before the arrival', es: 'Llamadas sin unidad en el lugar, o con salida anterior a la llegada' }],
  },
  coresponse_share: {
    label: { en: 'Calls with a co-responder', es: 'Llamadas con corespondedor' },
    description: { en: 'Share of calls attended by a co-responder as well as the first unit.', es: 'Proporción de llamadas atendidas también por un corespondedor.' },
    unit: 'share', polarity: 'higher-is-better',
    includes: [{ en: 'Every call in the period', es: 'Todas las llamadas del período' }],
    excludes: [],
  },
  second_responder_visits: {
    label: { en: 'Second-responder visits', es: 'Visitas de segundos respondedores' },
    description: { en: 'Calls at which a responder of each type arrived after the first unit.', es: 'Llamadas en las que llegó un respondedor de cada tipo después de la primera unidad.' },
    unit: 'count', polarity: 'neutral',
    includes: [{ en: 'One visit per call and responder type, other than the first arriving unit', es: 'Una visita por llamada y tipo de respondedor, aparte de la primera unidad en llegar' }],
    excludes: [{ en: 'Units that were dispatched but never arrived', es: 'Unidades enviadas que nunca llegaron' }],
  },
  referrals: {
    label: { en: 'Referrals', es: 'Derivaciones' },
    description: { en: 'Referrals made, by the service people were referred to.', es: 'Derivaciones realizadas, por servicio.' },
    unit: 'count', polarity: 'neutral',
    includes: [{ en: 'Each referral with a named service', es: 'Cada derivación con un servicio indicado' }],
    excludes: [{ en: 'Records with no service', es: 'Registros sin servicio' }],
  },
  referral_followup_rate: {
    label: { en: 'Referrals followed up', es: 'Derivaciones con seguimiento' },
    description: { en: 'Share of referrals with a follow-up contact within the follow-up window.', es: 'Proporción de derivaciones con un contacto de seguimiento dentro del plazo.' },
    unit: 'share', polarity: 'higher-is-better',
    includes: [{ en: 'Referrals old enough for the follow-up window to have closed', es: 'Derivaciones con antigüedad suficiente para que el plazo de seguimiento haya terminado' }],
    excludes: [{ en: 'Periods too recent for follow-up to be known', es: 'Períodos demasiado recientes para conocer el seguimiento' }],
  },
  past_victims_outreach: {
    label: { en: 'Outreach to past victims', es: 'Contacto con víctimas anteriores' },
    description: { en: 'People identified for outreach, how many were contacted, and how many were connected to services.', es: 'Personas identificadas, cuántas fueron contactadas y cuántas conectadas con servicios.' },
    unit: 'count', polarity: 'higher-is-better',
    includes: [{ en: 'Each person once, in the period they were identified', es: 'Cada persona una vez, en el período en que fue identificada' }],
    excludes: [{ en: 'Contacts without an identification date', es: 'Contactos sin fecha de identificación' }],
  },
};

export const GRAIN_LABEL: Record<Grain, Label> = {
  week: { en: 'Week', es: 'Semana' },
  month: { en: 'Month', es: 'Mes' },
  quarter: { en: 'Quarter', es: 'Trimestre' },
  year: { en: 'Year', es: 'Año' },
};

export const BUILTIN_DIMENSIONS: Record<string, { label: Label; values?: Record<string, Label> }> = {
  service: { label: { en: 'Service', es: 'Servicio' } },
  responder_type: { label: { en: 'Responder type', es: 'Tipo de respondedor' } },
  stage: {
    label: { en: 'Stage', es: 'Etapa' },
    values: {
      identified: { en: 'Identified', es: 'Identificadas' },
      contacted: { en: 'Contacted', es: 'Contactadas' },
      connected: { en: 'Connected to services', es: 'Conectadas con servicios' },
    },
  },
};

export const VALUE_LABELS = {
  all: { en: 'All', es: 'Todos' } as Label,
  allPeriods: { en: 'All periods', es: 'Todos los períodos' } as Label,
  citywide: { en: 'Citywide', es: 'Toda la ciudad' } as Label,
  other: { en: 'Other', es: 'Otro' } as Label,
  unknown: { en: 'Unknown', es: 'Desconocido' } as Label,
  unknownArea: { en: 'Outside mapped areas or unknown location', es: 'Fuera de las áreas o ubicación desconocida' } as Label,
  area: { en: 'Area', es: 'Área' } as Label,
};

export function privacyNotes(k: number, rounding: number | null, noise: { epsilon: number } | null): Label {
  const en = [
    `Counts from 1 to ${k - 1} are hidden, and so are enough other numbers that a hidden count cannot be worked out by subtraction.`,
    `A median needs at least ${2 * k} records and a 90th percentile ${10 * k}; a share needs at least ${k} in its base.`,
    `Categories with fewer than ${k} records are grouped as "Other". Locations are only ever shown as areas.`,
  ];
  const es = [
    `Los conteos de 1 a ${k - 1} se ocultan, y también otros números suficientes para que un conteo oculto no pueda deducirse por resta.`,
    `Una mediana necesita al menos ${2 * k} registros y un percentil 90, ${10 * k}; una proporción necesita al menos ${k} en su base.`,
    `Las categorías con menos de ${k} registros se agrupan como "Otro". Los lugares solo se muestran como áreas.`,
  ];
  if (rounding) {
    en.push(`Published counts are rounded to a multiple of ${rounding}, so totals may not add up exactly.`);
    es.push(`Los conteos publicados se redondean a múltiplos de ${rounding}, así que los totales pueden no sumar exactamente.`);
  }
  if (noise) {
    en.push(`Small random changes (two-sided geometric noise, epsilon ${noise.epsilon}) were added to counts to protect individuals; totals still add up.`);
    es.push(`Se añadieron pequeños cambios aleatorios (ruido geométrico bilateral, épsilon ${noise.epsilon}) a los conteos para proteger a las personas; los totales siguen sumando.`);
  }
  return { en: en.join(' '), es: es.join(' ') };
}

/** Fills `{value}` in a label template. */
export function fillLabel(template: Label, value: string): Label {
  if (typeof template === 'string') return template.replaceAll('{value}', value);
  const out: Record<string, string> = {};
  for (const [lang, text] of Object.entries(template)) out[lang] = text.replaceAll('{value}', value);
  return out as Label;
}
