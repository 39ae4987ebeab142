import type { Scene, Story } from '../../src/api/schemas/story';
import { MILAN_CENTRE } from './build';

type Text = { en: string; it: string };
type SceneSeed = Omit<Scene, 'title' | 'caption'> & { title: Text; caption: Text };

const WHOLE: Scene['camera'] = { centre: [...MILAN_CENTRE], zoom: 9.6 };

/** The Milan model, told in eight scenes from the crisis to a model others can replicate. */
const SCENES: SceneSeed[] = [
  {
    id: 'crisis',
    view: 'overview',
    camera: WHOLE,
    layers: ['municipalities', 'traffic', 'air'],
    timeOffsetMinutes: 0,
    figures: ['municipalities', 'population', 'area'],
    title: { en: 'From the crisis to a long-term vision', it: 'Dalla crisi a una visione di lungo periodo' },
    caption: {
      en: '133 municipalities, 3.2 million people: a metropolitan area that chose to plan with live data instead of reacting to emergencies.',
      it: '133 comuni, 3,2 milioni di abitanti: un’area metropolitana che ha scelto di pianificare con dati in tempo reale invece di rincorrere le emergenze.',
    },
  },
  {
    id: 'public-land',
    view: 'network',
    camera: WHOLE,
    layers: ['sites'],
    timeOffsetMinutes: 0,
    figures: ['sites', 'leaseRevenue', 'publicExpenditure'],
    title: {
      en: '5G on public land, without public money',
      it: '5G su suolo pubblico, senza denaro pubblico',
    },
    caption: {
      en: 'Sixty 5G sites built by private operators on public land: no public expenditure, and over €2 million a year of lease revenue.',
      it: 'Sessanta siti 5G costruiti da operatori privati su suolo pubblico: nessuna spesa pubblica e oltre 2 milioni di euro l’anno di canoni di locazione.',
    },
  },
  {
    id: 'periphery',
    view: 'network',
    camera: WHOLE,
    layers: ['municipalities', 'sites'],
    timeOffsetMinutes: 0,
    figures: ['peripheralMunicipalities', 'peripheralCoverage', 'populationCovered'],
    title: { en: 'Coverage that reaches the periphery', it: 'Una copertura che raggiunge la periferia' },
    caption: {
      en: 'Sites were placed to push coverage into the peripheral municipalities first, narrowing the digital divide with the centre.',
      it: 'I siti sono stati collocati per portare la copertura prima nei comuni periferici, riducendo il divario digitale con il centro.',
    },
  },
  {
    id: 'sensors',
    view: 'environment',
    camera: { centre: [...MILAN_CENTRE], zoom: 10.6 },
    layers: ['air', 'traffic'],
    timeOffsetMinutes: 0,
    figures: ['sensorsReporting', 'airStationsReporting', 'trafficSensorsReporting'],
    title: { en: 'A territory that measures itself', it: 'Un territorio che si misura' },
    caption: {
      en: 'Traffic and air-quality sensors report every few minutes; every station is classed on the European Air Quality Index.',
      it: 'Sensori di traffico e qualità dell’aria trasmettono ogni pochi minuti; ogni stazione è classificata con l’Indice europeo di qualità dell’aria.',
    },
  },
  {
    id: 'predictions',
    view: 'mobility',
    camera: { centre: [...MILAN_CENTRE], zoom: 10.6 },
    layers: ['traffic'],
    timeOffsetMinutes: 360,
    figures: ['forecastSkill', 'corridorsForecast', 'forecastHorizon'],
    title: { en: 'Seeing six hours ahead', it: 'Vedere sei ore avanti' },
    caption: {
      en: 'Neural networks trained on that data predict traffic and air quality; the map shows the city as predicted, with how far to trust it.',
      it: 'Reti neurali addestrate su quei dati prevedono traffico e qualità dell’aria; la mappa mostra la città prevista, e quanto fidarsi della previsione.',
    },
  },
  {
    id: 'security',
    view: 'security',
    camera: WHOLE,
    layers: ['qkd', 'security'],
    timeOffsetMinutes: 0,
    figures: ['qkdLinksUp', 'qkdAvailability', 'timeToAcknowledge'],
    title: { en: 'A network guarded by quantum keys', it: 'Una rete protetta da chiavi quantistiche' },
    caption: {
      en: 'Quantum key distribution protects the links between data centres; every alert is worked from arrival to closure.',
      it: 'La distribuzione quantistica delle chiavi protegge i collegamenti tra i data centre; ogni allarme è seguito dall’arrivo alla chiusura.',
    },
  },
  {
    id: 'health',
    view: 'health',
    camera: WHOLE,
    layers: ['health', 'qkd'],
    timeOffsetMinutes: 0,
    figures: ['healthDevicesAvailable', 'peripheralExams', 'healthDataQkdProtected'],
    title: { en: 'Diagnostics close to home', it: 'La diagnostica vicino a casa' },
    caption: {
      en: 'Devices in 14 hospitals, 16 Case di Comunità and 8 clinics, most in the periphery; their data travels under quantum keys where a QKD node is near.',
      it: 'Dispositivi in 14 ospedali, 16 Case di Comunità e 8 poliambulatori, per lo più in periferia; i dati viaggiano con chiavi quantistiche se un nodo QKD è vicino.',
    },
  },
  {
    id: 'replicate',
    view: 'kpis',
    camera: WHOLE,
    layers: [],
    timeOffsetMinutes: 0,
    figures: ['indicatorsOnTarget', 'sites', 'sensorsReporting'],
    title: {
      en: 'A model other territories can replicate',
      it: 'Un modello che altri territori possono replicare',
    },
    caption: {
      en: 'Open source, open standards (FIWARE data models) and measured results: what Milan did, another metropolitan area can adopt.',
      it: 'Codice aperto, standard aperti (modelli dati FIWARE) e risultati misurati: ciò che ha fatto Milano, un’altra area metropolitana può adottarlo.',
    },
  },
];

/** The story in the language asked for, English unless it is Italian. */
export function storyIn(language: string | null): Story {
  const lang = language === 'it' ? 'it' : 'en';
  return {
    synthetic: true,
    scenes: SCENES.map((s) => ({ ...s, title: s.title[lang], caption: s.caption[lang] })),
  };
}
