/**
 * The shape of the demo data files in libs/demo/data.
 *
 * The files hold a region's profile and a set of real cases transcribed from public documents, so that a
 * fresh installation can be shown with believable content. Everything that belongs to one region lives in
 * the JSON; these types only describe it. Field names follow the domain words (diarienummer, kommun,
 * delegationsordning) where the users say them.
 *
 * Conventions, matching the database:
 * - money is whole kronor as an integer (`Kronor`), never a float;
 * - shares are integer basis points (`BasisPoints`, 9000 = 90 %);
 * - calendar dates are `YYYY-MM-DD` strings meant in Europe/Stockholm (`IsoDate`);
 * - moments (received) are ISO 8601 instants in UTC (`IsoInstant`);
 * - a value that the source documents do not state carries a flag (`...MadeUp`, `madeUp`) or a note, so an
 *   importer or a reader can tell transcription from invention.
 */

/** Whole Swedish kronor. */
export type Kronor = number;
/** A share in hundredths of a per cent: 5000 = 50 %. */
export type BasisPoints = number;
/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** A moment, ISO 8601 in UTC, e.g. `2019-11-04T08:15:00Z`. */
export type IsoInstant = string;
/** `NNNNNN-NNNN`, ten digits with a Luhn check digit; a sole trader's is a personnummer. */
export type Organisationsnummer = string;
/** SCB kommunkod, four digits, e.g. `1880` for Örebro. */
export type KommunCode = string;

/** Every data file starts with a short description and the assumptions made while transcribing. */
export interface DemoFileHeader {
  about: string;
  /** Each value class that is made up or assumed, and why. */
  assumptions: string[];
}

// ---------------------------------------------------------------------------------------------------------
// region.json
// ---------------------------------------------------------------------------------------------------------

export interface PostalAddress {
  /** Street or box line(s), in order, without the postcode line. */
  lines: string[];
  /** `NNN NN` */
  postalCode: string;
  postalTown: string;
}

export interface Municipality {
  code: KommunCode;
  name: string;
}

/** An urban area that rules refer to ("Örebro tätort"). */
export interface UrbanArea {
  code: string;
  name: string;
  municipalityCode: KommunCode;
  note?: string;
  /** The postal codes inside the area, as prefixes: whether a business lies in it is derived from these. */
  postalCodePrefixes?: string[];
  postalCodeSource?: string;
}

/** A place (ort) that a rule or a case needs to place inside or outside an urban area. */
export interface Place {
  name: string;
  municipalityCode: KommunCode;
  /** `UrbanArea.code` the place lies in, or null when it lies outside every urban area. */
  urbanAreaCode: string | null;
  note?: string;
}

/** A person seen in the documents, with the titles used for them there. */
export interface StaffMember {
  /** Stable key for references from other files, e.g. `petter-arneback`. */
  key: string;
  name: string;
  /** The title as it is written under a signature or in a header; the first is the preferred one. */
  titles: string[];
  unit: string | null;
  /** What the person does in the documents: signs decisions, handles cases, presents items, etc. */
  appearsAs: string[];
  /** Document names (not file paths) where the person appears. */
  seenIn: string[];
}

/** The region's own funding sources for its share of a project's financing. */
export interface FundingSource {
  code: FundingSourceCode;
  /** Name in budget tables ("Region Örebro län 1:1"). */
  budgetLabel: string;
  /** Wording in the decision's financing frame ("Regionalt utvecklingsstöd - statligt stöd"). */
  frameLabel: string;
}

export type FundingSourceCode = 'anslag_1_1' | 'rambudget';

export interface AppealConfig {
  /** Whether the seed decision letters carry an appeal section at all. */
  presentInSeedLetters: boolean;
  /** Default text for an appealable decision; `{{...}}` placeholders as in letter templates. */
  appealableText: string;
  /** Default text when the legal basis excludes appeal. */
  notAppealableText: string;
  /** Default for decisions of the nämnd itself (laglighetsprövning under kommunallagen). */
  namndDecisionText: string;
  source: string;
  note: string;
}

export interface GeneralConditions {
  title: string;
  diarienummer: string;
  decidedDate: IsoDate;
}

export interface RegionProfile {
  name: string;
  /** The genitive used in letters ("Region Örebro läns beslut"). */
  nameGenitive: string;
  county: { code: string; name: string };
  organisation: {
    /** The committee (nämnd) that owns the appropriation's decisions. */
    committee: string;
    /** Other names for the same committee used in the documents. */
    committeeAliases: string[];
    /** The administration (förvaltning) that prepares cases. */
    administration: string;
    /** Organisation number of the region itself, if used as an applicant (see organisations.json). */
    organisationsnummerRef: Organisationsnummer | null;
  };
  postalAddress: PostalAddress;
  visitingAddress: string | null;
  email: string | null;
  web: string | null;
  phone: string | null;
  letterhead: {
    /** Header labels in the order the letters print them. */
    headerLabels: string[];
    /** Default tjänsteställe for decision letters. */
    tjanstestalle: string;
    signatureLine: string;
  };
  appropriation: { name: string; shortName: string };
  fundingSources: FundingSource[];
  municipalities: Municipality[];
  urbanAreas: UrbanArea[];
  places: Place[];
  /** Areas with sparse service from the regional service programme (2000:284 § 5), by postal code. */
  serviceProgramme?: ServiceProgramme;
  diarienummer: {
    seriesLetters: string;
    /** Regular expression the numbers match. */
    pattern: string;
    description: string;
    examples: string[];
  };
  generalConditions: GeneralConditions;
  inriktningsbeslutReference: {
    year: number;
    /** As cited in decisions: "2018-11-28, § 83". */
    decidedDate: IsoDate;
    paragraph: string;
    diarienummer: string | null;
    extendedOn: IsoDate | null;
    extension: string | null;
  };
  /** The period and meeting of the delegation report transcribed in company-cases.json. */
  delegationReport: {
    periodStart: IsoDate;
    periodEnd: IsoDate;
    meetingDate: IsoDate;
    diarienummer: string;
    diarienummerInHeader: string;
    agendaItem: number;
    preparedBy: string;
    proposal: string;
  };
  staff: StaffMember[];
  appeal: AppealConfig;
}

export interface ServiceProgramme {
  title: string;
  source: string;
  confirmed: boolean;
  note?: string;
  areas: { name: string; municipalityCode: string; postalCodes: string[] }[];
}

export type RegionFile = DemoFileHeader & { region: RegionProfile };

// ---------------------------------------------------------------------------------------------------------
// delegation-order.json
// ---------------------------------------------------------------------------------------------------------

export type CaseKind = 'projekt' | 'foretagsstod';

export interface DelegationPoint {
  /** The point's number in the delegationsordning, e.g. "3.2". */
  point: string;
  title: string;
  /** The sentence as the delegation report writes it. */
  asWritten: string;
  caseKinds: CaseKind[];
  /** Aid-form codes covered (see company-cases.json `aidFormCode`), or `regionalt_utvecklingsstod`. */
  aidFormCodes: string[];
  decisionMaker: {
    /** Role in the delegation order, e.g. `forvaltningschef`. */
    role: string;
    roleTitle: string;
    /** StaffMember.key of the holder in the demo period. */
    staffKey: string;
    person: string;
    titleInLetters: string;
  };
  /** Upper limit per decision of the region's money (1:1 plus rambudgetmedel); above it the nämnd decides. */
  limitKronor: Kronor;
  limitSource: string;
  /** Ersättare: usernames (users.json) of those who sign when the holder declared jäv or is away. */
  substitutes?: string[];
  reportedTo: string;
  seenIn: string[];
}

export interface DelegationOrder {
  committee: string;
  validFrom: IsoDate | null;
  validFromNote: string;
  points: DelegationPoint[];
  aboveLimit: {
    decidedBy: 'namnd';
    committee: string;
    rule: string;
    example: string;
  };
  reporting: {
    text: string;
    proposal: string;
  };
}

export type DelegationOrderFile = DemoFileHeader & { delegationOrder: DelegationOrder };

// ---------------------------------------------------------------------------------------------------------
// organisations.json
// ---------------------------------------------------------------------------------------------------------

export type LegalForm =
  | 'aktiebolag'
  | 'enskild_firma'
  | 'handelsbolag'
  | 'ekonomisk_forening'
  | 'ideell_forening'
  | 'stiftelse'
  | 'kommun'
  | 'region'
  | 'statlig_myndighet';

/** Who runs the firm, as the delegation report's Kön column: K = kvinnor, M = män, B = båda. */
export type RunBy = 'kvinnor' | 'man' | 'bada';

export interface DemoOrganisation {
  organisationsnummer: Organisationsnummer;
  orgnrMadeUp: boolean;
  /** True where the number is a (made-up) personnummer because the firm is an enskild firma. */
  orgnrIsPersonnummer: boolean;
  /** The name as the documents write it. */
  name: string;
  /** The shorter name used in running text of letters ("Alfred Nobel Science Park"), if different. */
  nameInText: string | null;
  legalForm: LegalForm;
  legalFormAssumed: boolean;
  sector: 'offentlig' | 'privat';
  postalAddress: PostalAddress;
  addressMadeUp: boolean;
  addressNote?: string;
  municipalityCode: KommunCode;
  /** Ort: the village or town, where known. */
  locality: string;
  /** Inside the region's rule urban area (region.json urbanAreas); municipalities and the region are false. */
  inTatort: boolean;
  inTatortNote: string;
  /** Number of employees, null where not applicable (public bodies). */
  employees: number | null;
  /** Full-time equivalents (årsarbetskrafter), decimal. */
  fte: number | null;
  staffMadeUp: boolean;
  runBy: RunBy | null;
  runByNote?: string;
  /** Free text from the delegation report's Bransch/Prioritering column, or a short activity text. */
  bransch: string | null;
  /** SNI 2007, five digits without a dot. */
  sniCode: string | null;
  sniMadeUp: boolean;
}

export type OrganisationsFile = DemoFileHeader & { organisations: DemoOrganisation[] };

// ---------------------------------------------------------------------------------------------------------
// project-cases.json
// ---------------------------------------------------------------------------------------------------------

/** The application sections of a project application, in the order of the application form. */
export type ApplicationSectionCode =
  | 'sammanfattning'
  | 'bakgrund'
  | 'overgripande_mal'
  | 'projektmal'
  | 'delmal_och_aktiviteter'
  | 'ingaende_kommuner'
  | 'regional_samverkan'
  | 'perspektiv'
  | 'langsiktighet'
  | 'uppfoljning'
  | 'resultatspridning'
  | 'projektorganisation'
  | 'avgransning_mot_ordinarie_verksamhet';

export interface ApplicationSection {
  code: ApplicationSectionCode;
  /** The canonical heading ("Delmål och aktiviteter"). */
  heading: string;
  /** The heading the seed document used, when it differs ("Aktiviteter"). */
  headingInSeed: string | null;
  /** Paragraphs separated by a blank line; list items on lines of their own starting with "- ". */
  text: string;
  madeUp: boolean;
}

export interface YearAmount {
  year: number;
  kronor: Kronor;
}

/** Configured cost categories; `ovrigt` for anything else. */
export type CostCategoryCode =
  | 'egen_personal'
  | 'externa_tjanster'
  | 'resor_och_logi'
  | 'investeringar'
  | 'indirekta_kostnader'
  | 'ovrigt';

export interface BudgetCostLine {
  category: CostCategoryCode;
  /** The row label as in the seed table. */
  label: string;
  /** One entry per budget year; a blank cell in the seed is 0. */
  perYear: YearAmount[];
  /** The Totalt column as printed. */
  totalKronor: Kronor;
}

export type FinancingKind = 'kontant' | 'arbetad_tid';

export interface FinancingLine {
  /** The row label as in the seed table ("Region Örebro län – RAM"). */
  label: string;
  /** The financier's name, normalised ("Region Örebro län"). */
  financier: string;
  sector: 'offentlig' | 'privat';
  kind: FinancingKind;
  kindAssumed: boolean;
  /** Set when the line is the deciding region's own money. */
  fundingSource: FundingSourceCode | null;
  perYear: YearAmount[];
  totalKronor: Kronor;
}

/** Direktfinansierade kostnader (in natura): costs paid directly by a party, outside the booked costs. */
export interface InKindLine {
  label: string;
  financier: string;
  sector: 'offentlig' | 'privat';
  sectorAssumed: boolean;
  perYear: YearAmount[];
  totalKronor: Kronor;
}

export interface ProjectBudget {
  years: number[];
  costs: BudgetCostLine[];
  financing: FinancingLine[];
  inKind: InKindLine[];
  /** The summary rows as printed in the seed (Summa bokförda kostnader / Summa finansiering). */
  statedTotals: {
    costsPerYear: YearAmount[];
    costsTotal: Kronor;
    /** Null where the seed table prints no Summa finansiering row (PAN). */
    financingPerYear: YearAmount[] | null;
    financingTotal: Kronor | null;
  };
}

/** A correction of an obvious typing error in a seed table; the raw string is kept here. */
export interface SeedCorrection {
  where: string;
  asTyped: string;
  corrected: Kronor;
  reason: string;
}

export interface Signatory {
  staffKey: string;
  name: string;
  title: string;
}

export interface FinancingFrameSource {
  fundingSource: FundingSourceCode;
  /** Wording of the bullet in the letter ("Regional utveckling rambudgetmedel"). */
  label: string;
  kronor: Kronor;
}

export interface ProjectDecision {
  outcome: 'bifall' | 'avslag';
  decisionDate: IsoDate;
  decisionDateMadeUp: boolean;
  decidedBy: {
    level: 'namnd' | 'delegation';
    delegationPoint: string | null;
    committee: string | null;
    meetingDate: IsoDate | null;
    agendaItem: number | null;
    /** The protocol paragraph (§), null where the seeds hold only the agenda. */
    protocolParagraph: string | null;
    note?: string;
  };
  /** Who signs, in the order of the signature block. */
  signatories: Signatory[];
  shareBasisPoints: BasisPoints;
  capKronor: Kronor;
  earliestStart: IsoDate;
  latestEnd: IsoDate;
  financingFrame: {
    text: string;
    /** Amount per source when the letter splits it; one entry otherwise. */
    sources: FinancingFrameSource[];
  };
  /** The conditions exactly as the seed prints them (including its typing slips). */
  conditionsAsInSeed: string[];
  /** Whether the case's letter uses the standard conditions of letter-templates.json. */
  usesStandardConditions: boolean;
  /** The decision text's opening line(s) as in the seed ("X ansöker om ... Ansökan avser perioden ..."). */
  appliedForText: string;
  /** The Beslutet paragraph's first sentence as in the seed. */
  decisionText: string;
  summary: string;
  skalTillBeslut: string;
  rank: {
    code: string;
    /** The rank quote as it appears in the reasons. */
    quote: string;
  };
}

export interface ProjectCase {
  key: string;
  diarienummer: string;
  nypsId: string | null;
  title: string;
  shortName: string;
  /** The letter's title line as in the seed. */
  letterTitle: string | null;
  applicantOrganisationsnummer: Organisationsnummer;
  addressee: { name: string; postalAddress: PostalAddress };
  /** StaffMember.key of the case officer, null where the seed does not name one. */
  handlaggareKey: string | null;
  handlaggareNote?: string;
  receivedAt: IsoInstant;
  registeredDate: IsoDate;
  datesMadeUp: boolean;
  datesNote: string;
  period: { start: IsoDate; end: IsoDate };
  forstudie: boolean;
  euCofinancing: boolean;
  amountAppliedKronor: Kronor;
  shareAppliedBasisPoints: BasisPoints | null;
  rus: {
    version: string;
    areas: string[];
    effektmal: string[];
  };
  sections: ApplicationSection[];
  budget: ProjectBudget;
  decision: ProjectDecision;
  seedCorrections: SeedCorrection[];
  notes: string[];
}

export type ProjectCasesFile = DemoFileHeader & { projectCases: ProjectCase[] };

// ---------------------------------------------------------------------------------------------------------
// company-cases.json
// ---------------------------------------------------------------------------------------------------------

export type AidFormCode =
  | 'konsultcheck'
  | 'mikrobidrag'
  | 'investeringsstod'
  | 'saddbidrag'
  | 'kommersiell_service'
  | 'kommersiell_service/hemsandningsbidrag'
  | 'kommersiell_service/driftstod'
  | 'affarsutveckling_internationalisering'
  | 'affarsutveckling_digitalisering';

/** The Kön column as printed: K, M, B, "–" for a municipality, null where the cell is empty. */
export type KonAsShown = 'K' | 'M' | 'B' | '–';

export interface CompanyCostLine {
  description: string;
  kronor: Kronor;
}

export interface CompanyApplication {
  receivedAt: IsoInstant;
  amountAppliedKronor: Kronor;
  /** The aid share the case is assessed at. */
  shareBasisPoints: BasisPoints;
  costLines: CompanyCostLine[];
  totalCostKronor: Kronor;
  purpose: string;
  madeUp: boolean;
  /** Hemsändningsbidrag: the municipality's net cost and households × deliveries (2000:284 § 20). */
  homeDelivery?: { netCost: Kronor; householdDeliveries: number };
  note?: string;
}

export interface CompanyCase {
  /** Position in the delegation report, 1-based. */
  row: number;
  diarienummer: string | null;
  /** Tillväxtverket's case id, where the report shows one instead of a diarienummer. */
  nypsId: string | null;
  /** The Stöd column as written. */
  stod: string;
  aidFormCode: AidFormCode;
  organisationsnummer: Organisationsnummer;
  /** The Företag column as written. */
  foretag: string;
  branschPrioritering: string;
  kon: KonAsShown | null;
  kommun: string;
  municipalityCode: KommunCode;
  /** Granted kronor; null for a rejection. */
  beloppKronor: Kronor | null;
  outcome: 'bifall' | 'avslag';
  /** The ground of a rejection as printed ("Uppfyller ej villkor"). */
  rejectionGround: string | null;
  /** A refusal's grounds as its letter states them: condition, provision and facts (förvaltningslagen 32 §). */
  rejectionGroundsInLetter?: string | null;
  rejectionGroundsMadeUp?: boolean;
  beslutsfattare: { staffKey: string; name: string; title: string };
  delegationPoint: string;
  decisionDate: IsoDate;
  registeredDate: IsoDate | null;
  datesMadeUp: boolean;
  application: CompanyApplication;
  notes: string[];
}

export type CompanyCasesFile = DemoFileHeader & {
  report: { periodStart: IsoDate; periodEnd: IsoDate; totalGrantedKronor: Kronor };
  companyCases: CompanyCase[];
};

// ---------------------------------------------------------------------------------------------------------
// users.json
// ---------------------------------------------------------------------------------------------------------

export type DemoRole = 'sokande' | 'handlaggare' | 'beslutsfattare' | 'namndsekreterare' | 'admin';

/** A demo account. No password here: the importer takes DEMO_PASSWORD from its configuration. */
export interface DemoUser {
  username: string;
  role: DemoRole;
  displayName: string;
  title: string;
  /** StaffMember.key when the account is a person from the documents. */
  staffKey: string | null;
  /** For applicants: the personnummer (12 digits) their e-legitimation gives. */
  personnummer: string | null;
  /** For applicants: the organisations the account acts for (verified mandates as signatory). */
  organisationsnummer: Organisationsnummer[];
  /** For decision makers: the delegation points they hold. */
  delegationPoints: string[];
  madeUp: boolean;
}

export type UsersFile = DemoFileHeader & { users: DemoUser[] };

// ---------------------------------------------------------------------------------------------------------
// letter-templates.json
// ---------------------------------------------------------------------------------------------------------

/**
 * Every placeholder a letter template may use, with what it is replaced by. A template writes them as
 * `{{name}}`; the spec checks that no template uses one that is not listed here.
 */
export const LETTER_PLACEHOLDERS = {
  regionNamn: 'The region\'s name (region.json `name`), e.g. "Region Örebro län".',
  regionNamnGenitiv: "The region's name in the genitive (region.json `nameGenitive`).",
  tjanstestalle: 'The unit that sends the letter (region.json `letterhead.tjanstestalle`).',
  handlaggare: "The case officer's name.",
  datum: 'The decision date, YYYY-MM-DD.',
  beteckning: 'The diarienummer of the case.',
  mottagareNamn: "The addressee's name.",
  mottagareAdress: "The addressee's postal address, one line per address line.",
  sokandeNamn: 'The applicant as named in running text (organisation `nameInText` or `name`).',
  organisationsnummer: "The applicant's organisationsnummer.",
  projektnamn: 'The project title.',
  beloppSokt: 'The amount applied for, formatted "432 000 kr".',
  periodStart: 'First day of the period applied for.',
  periodSlut: 'Last day of the period applied for.',
  andel: 'The granted share of booked costs, formatted "90 %".',
  belopp: 'The granted amount or cap, formatted "432 000 kr".',
  tidigastStart: 'Earliest start date of the project.',
  senastSlut: 'Latest end date of the project.',
  finansieringsram:
    'The financing frame sentence\'s ending, e.g. "regionalt utvecklingsstöd - statligt stöd", or, when the money is split, the list of sources with amounts.',
  villkor: 'The conditions, one bullet per line.',
  sammanfattning: "The application's summary.",
  rusOmrade: 'The RUS priority area the project serves.',
  effektmalText: 'The effektmål phrase: "målet om ökad tillväxt i näringslivet" or "målen om … samt …".',
  inriktningsbeslutAr: 'The year of the inriktningsbeslut.',
  inriktningsbeslutReferens: 'Date and paragraph of the inriktningsbeslut, "2018-11-28 § 83".',
  rangordning:
    'The rank quote from the inriktningsbeslut, as printed including its quotation marks and closing punctuation.',
  ovrigaSkal: 'Further reasons, free text (may be empty).',
  beskrivning: 'The application sections (Bakgrund … Avgränsning), each with its heading.',
  budgettabeller: 'The cost, financing and in-kind tables per year.',
  underskrifter: 'The signatories, name above title.',
  avslagsskal: 'The reasons for a rejection.',
  stodform: 'The aid form as the letter names it ("stöd till konsulttjänster").',
  andamal: "The purpose of the company's project.",
  godkandKostnad: 'The approved eligible cost, formatted "68 400 kr".',
  rattsligGrund: 'The legal basis of the decision (ordinance and EU regulation/article).',
  overklagandeText:
    "The appeal information of the legal basis' appeal route (legal-bases.json `appealTexts`); region.json `appeal` when no basis names a route.",
  overklagandeBestammelse: 'The ordinance whose appeal rule applies (legal-bases.json `appeal.provision`).',
  slutredovisningSenast:
    'The date the final report is due: the latest end date, or the decision date plus `finalReportMonths`.',
  anslag: "The appropriation's name on the decision date (legal-bases.json `appropriations`).",
  inriktningsbeslutForlangning: 'The date the inriktningsbeslut was last extended, when it was.',
  delvisSkal: 'The grounds for the part refused in a partial grant (förvaltningslagen 32 §).',
  stodformText: 'The aid form as a word in running text ("mikrobidrag").',
  deMinimisForordning: "The de minimis regulation's full title (legal-bases.json).",
  deMinimisEut: "The de minimis regulation's Official Journal reference.",
  deMinimisEuro: 'The de minimis aid in euro as kept with the decision, "1 681 euro".',
  deMinimisKurs: 'The exchange rate the euro amount was converted at, "10,59 kr per euro".',
  deMinimisUpplysning: "A national rule's own sentence on the de minimis notice (2000:284 9 b §).",
  namnd: 'The nämnd that decided itself.',
  namndDatum: "The date of the nämnd's meeting.",
  namndParagraf: "The protocol's §.",
} as const;

export type LetterPlaceholder = keyof typeof LETTER_PLACEHOLDERS;

export type LetterTemplateCode =
  'projekt_bifall' | 'projekt_avslag' | 'foretagsstod_bifall' | 'foretagsstod_avslag';

/**
 * One block of a letter. `text` may contain `{{placeholder}}`s; a block with `when` is printed only when the
 * condition holds (`financingSplit`: the money comes from more than one source; `appealable`).
 */
export interface LetterBlock {
  kind: 'header' | 'addressee' | 'title' | 'paragraph' | 'heading' | 'bullets' | 'tables' | 'signatures';
  heading?: string;
  text?: string;
  items?: string[];
  when?:
    | 'financingSplit'
    | 'singleSource'
    | 'appealable'
    | 'notAppealable'
    | 'partlyGranted'
    | 'deMinimis'
    | 'ruleSetYear'
    | 'ruleSetEarlierYear'
    | 'decidedByNamnd';
}

export interface LetterTemplate {
  code: LetterTemplateCode;
  caseKind: CaseKind;
  outcome: 'bifall' | 'avslag';
  /** Where the wording comes from: the seed letters, or a default written for the demo. */
  source: string;
  blocks: LetterBlock[];
}

export type LetterTemplatesFile = DemoFileHeader & {
  /** The header fields in print order, with the placeholders each shows joined by `separator`. */
  headerFields: { label: string; placeholders: LetterPlaceholder[]; separator: string }[];
  /** The three standard conditions of a project decision, quoted from the seeds. */
  standardConditions: string[];
  /** Conditions per track; the standard conditions when a track has none. */
  conditionsByTrack?: Record<string, string[]>;
  /** Further conditions per aid form code (the form, or "form/subform"). */
  conditionsByAidForm?: Record<string, string[]>;
  /** Months from the decision date to the final report when the decision sets no end date. */
  finalReportMonths?: number;
  /** The delegation report's rejection categories, not printed as grounds in a letter that states its own. */
  rejectionCategories?: string[];
  /** Titles of the budget tables and their rows, in print order. */
  budgetTableTitles: {
    section: string;
    costs: string;
    costsSum: string;
    financing: string;
    publicFinancing: string;
    privateFinancing: string;
    financingSum: string;
    inKind: string;
    totalColumn: string;
  };
  signatureLine: string;
  templates: LetterTemplate[];
};

// ---------------------------------------------------------------------------------------------------------
// pan-budget-as-typed.csv
// ---------------------------------------------------------------------------------------------------------

/** The PAN budget table as typed in the seed, every cell a raw string (including the typo "75 00"). */
export interface RawBudgetTable {
  header: string[];
  rows: { section: string; label: string; cells: string[] }[];
}

// ---------------------------------------------------------------------------------------------------------
// the whole set
// ---------------------------------------------------------------------------------------------------------

export interface ExchangeRatesFile {
  note: string;
  source: string;
  rates: { month: string; orePerEur: number; confirmed: boolean }[];
}

/** legal-bases.json: read by the letters library (LetterLegalBases); only its header is typed here. */
export type LegalBasesFile = DemoFileHeader & { bases: Record<string, unknown> };

export interface DemoData {
  region: RegionProfile;
  delegationOrder: DelegationOrder;
  organisations: DemoOrganisation[];
  projectCases: ProjectCase[];
  companyCases: CompanyCase[];
  companyReport: CompanyCasesFile['report'];
  users: DemoUser[];
  letterTemplates: LetterTemplatesFile;
  /** Stored as the region setting "legalBases"; its shape is the letters library's LetterLegalBases. */
  legalBases: LegalBasesFile;
  panBudgetAsTyped: RawBudgetTable;
  /** Written by the rules library; null when the file is absent. Its shape is owned there. */
  inriktningsbeslut2019: unknown | null;
  /** Written by the rules library; null when the file is absent. */
  rus20182030: unknown | null;
  /** The monthly euro rates; null when the file is absent. */
  exchangeRates: ExchangeRatesFile | null;
  /** The `assumptions` of each file, keyed by file name. */
  assumptions: Record<string, string[]>;
  catalogues: CataloguesFile;
}

export interface DemoCatalogueItem {
  code: string;
  name: string;
  description?: string;
  sector?: 'offentlig' | 'privat' | null;
  tracks?: string[];
  requiredFor?: string[];
}

export interface CataloguesFile extends DemoFileHeader {
  completionDueDays: number;
  costCategories: DemoCatalogueItem[];
  financiers: DemoCatalogueItem[];
  kommunFinancier: { codePrefix: string; nameSuffix: string };
  sections: DemoCatalogueItem[];
  attachmentTypes: DemoCatalogueItem[];
}
