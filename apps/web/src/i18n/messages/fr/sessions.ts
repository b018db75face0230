import type { enSessions } from '../en/sessions';

/** French, contract v2: the Sessions section. */
export const frSessions: Record<keyof typeof enSessions, string> = {
  'sessions.end': 'Fermer la session<hidden> sur {device}</hidden>',
  'sessions.endOthers': 'Fermer toutes les autres sessions',
  'sessions.endOthersConfirm':
    'Fermer {count, plural, one {l’autre session} other {les # autres sessions}} ? Qui {count, plural, one {l’utilise} other {les utilise}} devra se reconnecter.',
  'sessions.ended': 'Session sur {device} fermée.',
  'sessions.intro': 'Là où votre compte est connecté en ce moment. Fermez toute session que vous ne reconnaissez pas.',
  'sessions.ip': 'Adresse IP {ip}',
  'sessions.lastSeen': 'Active {time}',
  'sessions.listLabel': 'Vos sessions, cet appareil en premier',
  'sessions.loading': 'Chargement des sessions…',
  'sessions.noIp': 'Adresse IP inconnue',
  'sessions.onlyThis': 'Aucune autre session n’est ouverte.',
  'sessions.othersEnded':
    '{count, plural, =0 {Aucune autre session n’était ouverte.} one {# autre session fermée.} other {# autres sessions fermées.}}',
  'sessions.signedIn': 'Connectée le {date}',
  'sessions.thisDevice': 'Cet appareil',
  'sessions.title': 'Sessions',
  'sessions.unavailable': 'Les sessions ne peuvent pas être affichées pour le moment.',
} as const;
