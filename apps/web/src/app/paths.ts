/** Every address of the app, in one place; pages link through these. */
export const paths = {
  start: '/',
  login: '/logga-in',
  tillganglighet: '/tillganglighet',
  uppfoljning: '/uppfoljning',
  sokande: {
    arenden: '/sokande',
    ny: '/sokande/ansokan/ny',
    organisationer: '/sokande/organisationer',
    ansokan: (id: string) => `/sokande/ansokan/${id}`,
    kvitto: (id: string) => `/sokande/ansokan/${id}/inskickad`,
    del: (id: string, part: string) => `/sokande/ansokan/${id}/del/${part}`,
    kontrollera: (id: string) => `/sokande/ansokan/${id}/kontrollera`,
    arende: (id: string) => `/sokande/arenden/${id}`,
    utbetalning: (id: string) => `/sokande/arenden/${id}/utbetalning`,
  },
  handlaggare: {
    ko: '/handlaggare',
    arende: (id: string) => `/handlaggare/arenden/${id}`,
    kompletteringar: '/handlaggare/kompletteringar',
    utbetalningar: '/handlaggare/utbetalningar',
    utbetalning: (id: string) => `/handlaggare/utbetalningar/${id}`,
  },
  beslutsfattare: {
    attSignera: '/beslutsfattare',
    attestera: '/beslutsfattare/attestera',
  },
  sekretariat: {
    redovisning: '/sekretariat',
    utbetalningar: '/sekretariat/utbetalningar',
  },
  admin: {
    inriktningsbeslut: '/admin',
    delegationsordning: '/admin/delegationsordning',
    kataloger: '/admin/kataloger',
    anvandare: '/admin/anvandare',
  },
} as const;

/** Where each role starts after signing in. */
export const homeOf: Record<string, string> = {
  sokande: paths.sokande.arenden,
  handlaggare: paths.handlaggare.ko,
  beslutsfattare: paths.beslutsfattare.attSignera,
  namndsekreterare: paths.sekretariat.redovisning,
  admin: paths.admin.inriktningsbeslut,
};
