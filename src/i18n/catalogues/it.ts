import type { Catalogue, Language } from '../catalogue';

export const language: Language = { code: 'it', name: 'Italiano', locale: 'it-IT' };

export const messages: Catalogue = {
  // Tempo ed età dei dati
  'time.justNow': 'adesso',
  'time.ago': '{age} fa',
  'time.dayUnit': 'g',

  // Cornice: intestazione, navigazione, stato, avvisi
  'shell.skipToContent': 'Vai al contenuto',
  'shell.loading': 'Caricamento di Territorio…',
  'shell.territoryNotLoaded': 'Territorio non caricato',
  'shell.pauseRefresh': 'Sospendi aggiornamento',
  'shell.resumeRefresh': 'Riprendi aggiornamento',
  'shell.lightTheme': 'Tema chiaro',
  'shell.darkTheme': 'Tema scuro',
  'shell.language': 'Lingua',
  'shell.views': 'Viste',
  'shell.refreshPaused': 'Aggiornamento automatico sospeso: i dati sullo schermo invecchiano.',
  'shell.mapPanel': 'Mappa del territorio',
  'shell.loadingMap': 'Caricamento della mappa…',
  'view.overview': 'Panoramica',
  'view.network': 'Rete',
  'view.environment': 'Ambiente',
  'view.mobility': 'Mobilità',
  'view.security': 'Sicurezza',
  'view.kpis': 'Indicatori',
  'status.connecting': 'Connessione…',
  'status.connected': 'Connesso',
  'status.degraded': 'Degradato',
  'status.unreachable': 'Backend irraggiungibile',
  'status.failing': { one: '{count} fonte in errore', other: '{count} fonti in errore' },
  'status.oldestData': 'dato più vecchio {age}',
  'unreachable.title': 'Il backend è irraggiungibile.',
  'unreachable.lastData': 'Quello che vedi sono gli ultimi dati ricevuti.',
  'unreachable.lastDataAged': 'Quello che vedi sono gli ultimi dati ricevuti, il più vecchio di {age}.',
  'unreachable.retrying': 'Nuovo tentativo automatico.',
  'critical.region': 'Allarmi critici',
  'critical.announce': 'Allarme critico: {alert}.',
  'critical.describe': '{category} · {subCategory}, emesso alle {time}',
  'critical.waiting': {
    one: 'Allarme critico non ancora preso in carico:',
    other: '{count} allarmi critici non ancora presi in carico:',
  },
  'critical.newest': '(il più recente)',
  'critical.openIt': 'Aprilo',
  'critical.reviewThem': 'Esaminali',

  // Vista sicurezza: allarmi, triage, collegamenti QKD, tempi di risposta

  // Mappa: barra, legenda, linea del tempo, dettagli, ricerca, elementi in vista

  // Viste: panoramica, rete, ambiente, mobilità; grafici, previsioni, pannelli, etichette di dominio

  // Indicatori

  // Modalità parete

  // Modalità presentazione
};
