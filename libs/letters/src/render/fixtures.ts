/**
 * Letter models built from two real delegated decisions of Region Örebro län (MIND, 19RS9282, and
 * Cykelområde Kottaberget, 19RS9565: texts, amounts, dates and budgets as in the letters) and one
 * made-up rejection. Used by the tests, the benchmark and the demo data.
 */
import {
  type Block,
  type BudgetRow,
  type LetterModel,
  type LetterRegion,
  type LetterSubsection,
  SWEDISH_LETTER_LABELS,
} from './letter-model';

const REGION_NAME = 'Region Örebro län';

function region(officer: string): LetterRegion {
  return {
    name: REGION_NAME,
    organ: 'Regional utveckling',
    handlaggare: { name: officer },
    postalAddress: [REGION_NAME, 'Box 1613', '701 16 Örebro'],
    web: 'www.regionorebrolan.se',
  };
}

const CONDITIONS = {
  intro: `Följande villkor gäller för ${REGION_NAME}s beslut:`,
  items: [
    'Beslutet gäller under förutsättning att projektets budget är fullt finansierad.',
    `I samband med genomförandet av projektet ska det framgå att ${REGION_NAME} medfinansierar projektet.`,
    `I övrigt gäller ${REGION_NAME}s Allmänna villkor för medfinansiering.`,
  ],
};

const PRIORITY_2B =
  'För 2019 har Nämnden för regional tillväxt fattat beslut om inriktning för finansiering för det ' +
  'statliga anslaget 1:1 regionala tillväxtåtgärder (2018-11-28 § 83). Enligt inriktningsbeslutet är ' +
  'projektet prioriterat enligt rangordningen ”2b. Ansökningar inom prioriterade områden ' +
  'Innovationskraft och specialisering samt Näringsliv och entreprenörskap”.';

const DIRECTOR = { name: 'Petter Arneback', title: 'Regional utvecklingsdirektör' };

function row(label: string, y2019: number | null, y2020: number | null): BudgetRow {
  return { label, amounts: [y2019, y2020] };
}

function sub(heading: string, ...blocks: Block[]): LetterSubsection {
  return { heading, blocks };
}

const MIND = 'MIND – Matrix for Industrial Network Development';

const mindDescription: LetterSubsection[] = [
  sub(
    'Bakgrund',
    'Industrin i Örebroregionen står för stora utmaningar kopplat till bland annat digitalisering, ökad ' +
      'konkurrens och kompetensförsörjning. Samtidigt går teknikutvecklingen snabbt med teknikområden såsom ' +
      'AM, AR och AI. I regionen saknas en sammanhållen organisation för industriutvecklingsfrågor som kan ta ' +
      'ansvar för behovsanalyser samt att genomföra, samordna och driva utvecklingen för industrin inom olika ' +
      'teknik och kompetensområden.',
  ),
  sub('Projektets övergripande mål', 'Högre tillväxt och omställningsförmåga i regionens industribolag'),
  sub(
    'Projektmål',
    'En matris samt en Road Map för industriell utveckling samt ett förslag för ett eventuellt fortsatt ' +
      'regionalt arbete med en regional industriell utvecklings-hub.',
  ),
  sub(
    'Aktiviteter',
    'I regionen saknas en sammanhållen organisation för industriutvecklingsfrågor som kan ta ansvar för ' +
      'behovsanalyser samt att genomföra, samordna och driva utvecklingen för industrin inom olika teknik och ' +
      'kompetensområden. Genom en förstudie kan relevanta data samlas in och aktuella underlag tas fram där en ' +
      'kartläggning av de regionala företagens och akademiernas mognad, behov och kunskapsnivåer kan ' +
      'struktureras och analyseras för att designa och utforma en matris för framtagning av en regional ' +
      'industriell ”Road map”. Förstudien vill även undersöka om det potentiellt finns nya former för ' +
      'samverkan och koordination mellan befintliga företagsnätverk och övriga innovationssystemet samt ' +
      'behovet av en sammanhållande organisation – en regional industriell utvecklings hub. Under förstudien ' +
      'kommer en matris tas fram för att dokumentera och kartlägga företag och akademiers kompetensnivåer och ' +
      'mognadsgrad inom olika teknikområden knutna till pelarna inom industri 4.0 konceptet. Matrisen är ett ' +
      'verktyg för att identifiera nuläget i företagen.',
    'Road Map är en beskrivning av vägen framåt och använder matrisen som utgångspunkt och beskriver vilka ' +
      'insatser som ska prioriteras för respektive företag.',
  ),
  sub('Ingående kommuner', 'Kommunerna i Örebro län'),
  sub(
    'Regional samverkan',
    'Förstudien kommer att genomföras i direkt samverkan med aktiva företagsnätverk i regionen, vilka ' +
      'totalt omsluter över 800 medlemsföretag.',
  ),
  sub(
    'Perspektiv',
    'Förstudien strävar efter en bred och relevant representation som är så jämn som möjligt i samtliga ' +
      'aktiviteter inom projektet. Jämställdhetsaspekten i förstudien kommer i övrigt inte vara i fokus, utan ' +
      'ha en större roll i ett ev. genomförande projekt kring en regional industri-utvecklings hub.',
    'Energi och miljö är viktiga frågor i en mer digitaliserad industri då tillgång till ren energi är ' +
      'avgörande för en framtida industriell utveckling. Man kan redan idag se tydligt hur miljöfrågor är ' +
      'viktiga i flera frågor såsom produktutveckling, kompetensförsörjning, varumärken och lagstiftning. ' +
      'Dessa frågor är således aktuella för projektet att adressera genom intervjuer och under workshops.',
  ),
  sub(
    'Långsiktighet',
    'Förstudien syftar till att generera en Road Map för industriell utveckling i regionen där prioriterade ' +
      'insatser kan planeras och genomföras i samverkan mellan innovationssystemets parter för att i rätt tid, ' +
      'omfattning och innehållsmässigt driva frågor om innovation och utveckling. Resultatet kommer primärt ' +
      'att förvaltas av Alfred Nobel Science Park för att garantera spridning och verka för regional ' +
      'samverkan. Förstudiens resultat kommer även att bidra med ett förslag på en tydligare struktur och ' +
      'organisering för industriutvecklingen i länet.',
  ),
  sub('Uppföljning', 'Förstudien kommer att löpande följas upp av projektets styrgrupp.'),
  sub(
    'Resultatspridning',
    'Resultatet sprids primärt genom de samverkande företagsnätverkens ordinarie kanaler såsom nyhetsbrev, ' +
      'utskick och nätverksträffar.',
  ),
  sub(
    'Projektorganisation',
    'Projektets styrgrupp består av representanter från Karlskoga kommun, Örebro universitet, Saab Dynamics ' +
      'samt Region Örebro län.',
  ),
];

/** Delegationsbeslut 19RS9282 of 2019-11-18: 90 % of booked costs, at most 432 000 kr, split 1:1 and rambudget. */
export function mindLetterModel(): LetterModel {
  return {
    region: region('Lena Kihl'),
    labels: SWEDISH_LETTER_LABELS,
    date: '2019-11-18',
    reference: '19RS9282',
    addressee: { name: 'Alfred Nobel Science Park AB', addressLines: ['Fakultetsgatan 1', '702 81 Örebro'] },
    title: `Medfinansiering av projekt ${MIND}`,
    application: [
      ['Alfred Nobel Science Park ansöker om ', { kronor: 432_000 }, ` för projekt ${MIND}.`],
      'Ansökan avser perioden 2019-11-20—2020-05-30.',
    ],
    outcome: 'bifall',
    decision: [
      {
        text: [
          'Alfred Nobel Science Park beviljas ',
          { share: 9_000 },
          ' av projektets bokförda kostnader, dock högst ',
          { kronor: 432_000 },
          `, för genomförande av projekt ${MIND}.`,
        ],
      },
      { text: 'Projektet får påbörjas tidigast 2019-11-20 och avslutas senast 2020-05-30.' },
      {
        text: 'Finansiering sker inom ramen för:',
        sources: [
          { label: 'Regionalt utvecklingsstöd - statligt stöd', amount: 232_000 },
          { label: 'Regional utveckling rambudgetmedel', amount: 200_000 },
        ],
      },
    ],
    conditions: CONDITIONS,
    summary: [
      'Förstudien ska ta fram en matris samt en Road Map för industriell utveckling samt ett förslag för ett ' +
        'eventuellt fortsatt regionalt arbete med en regional industriell utvecklings-hub.',
      'Primär målgrupp är tillverkande industrier i regionen. Sekundär målgrupp är akademi och ' +
        'näringslivsutvecklande organisationer.',
    ],
    reasons: [
      'Projektet genomförs enligt den regionala utvecklingsstrategins prioriterade område Innovationskraft ' +
        'och specialisering och bidrar till att nå målet om ökad tillväxt i näringslivet.',
      PRIORITY_2B,
    ],
    description: mindDescription,
    budget: {
      years: [2019, 2020],
      tables: [
        {
          heading: 'Bokförda kostnader',
          groups: [
            {
              rows: [
                row('Egen personal', 10_000, 10_000),
                row('Externa tjänster', 40_000, 388_000),
                row('Resor och logi', 13_000, 23_000),
              ],
            },
          ],
          totalLabel: 'Summa bokförda kostnader',
        },
        {
          heading: 'Finansiär',
          groups: [
            {
              label: 'Offentlig finansiär',
              rows: [
                row('Region Örebro län 1:1', 25_000, 207_000),
                row('Region Örebro län rambudgetmedel', 28_000, 172_000),
                row('Örebro kommun', null, 16_000),
                row('Karlskoga kommun', null, 16_000),
                row('Alfred Nobel Science Park', 10_000, 10_000),
              ],
            },
          ],
          totalLabel: 'Summa finansiering',
        },
        {
          heading: 'Direktfinansierade kostnader (in natura)',
          groups: [{ rows: [row('Möckelnföretagen', 20_000, 40_000)] }],
          totalLabel: null,
        },
      ],
    },
    signatures: {
      onBehalfOf: `För ${REGION_NAME}`,
      signatories: [DIRECTOR, { name: 'Niklas Lundgren', title: 'T.f Enhetschef' }],
    },
    appeal: null,
  };
}

const KOTTABERGET = 'Cykelområde Kottaberget, en etableringsmodell för hållbar naturturism';

const kottabergetGoals: Block = {
  bullets: [
    'skapa fler starka besöksnäringsföretag',
    'skapa attraktivare arbetsplatser inom besöksnäringen för unga',
    'att bidra till att vända trenden med låg utbildningsstatus på turismutbildningar på länets gymnasieskolor',
    'öka omsättningen på befintliga företag, som serviceställen, matbutiker, bensinstationer',
    'möjliggöra nya enkla jobb vilket kan gynna den som inte har svenska som modersmål',
    'öka antalet besökare och därmed gästnätter i länet',
    'möjliggöra för nyetableringar av mindre boendeanläggningar men också hotell',
  ],
};

const kottabergetDescription: LetterSubsection[] = [
  sub(
    'Bakgrund',
    'I Örebro län finns ett etablerat närverk för cykelleder, Bergslagen cycling, men det har visat sig svårt ' +
      'att höja kvalitén och utbudet tillräckligt för att locka hit nya entreprenörer eller för att lyfta ' +
      'befintliga entreprenörer så att de kan ha det utbud som efterfrågas, speciellt för utländska ' +
      'marknadens behov. Det behövs fler cykeluthyrare, guider och boendeanläggningar, men det är ' +
      'fortfarande för få cyklister per kommun för att det ska kunna finnas entreprenörer som har råd att ' +
      'erbjuda cyklar, guidning och boende med den kvalitet som efterfrågas. Det behövs en stor satsning för ' +
      'att lyfta hela Bergslagen cycling till rätt nivå. Regionen har som helhet en relativt outvecklad ' +
      'besöksnäring med många livsstilsföretagare som har svårt att ta steget till att bli lönsamma. Det är ' +
      'också kris på länets gymnasieutbildningar kopplat till turism och besöksnäring och trots positiva ' +
      'siffror för antalet gästnätter de senaste 6 åren så är framtiden oviss. Det kommer att vara brist på ' +
      'personal hos företagen och det råder brist på starka affärsdrivna företagare. Att etablera ett ' +
      'attraktivt cykelområde olikt de andra som redan finns skulle stärka länets besöksnäring och inte minst ' +
      'Bergslagen cycling.',
    'Förstudien kommer att ta fram resultat, som sedan bearbetas och fördjupas i en rapport i två delar som ' +
      'bekostas av Jordbruksverket. Del 1 är en generell analys av att kombinera verksamheter inom ' +
      'skogsbruket och naturturism respektive outdoor-aktiviteter i Sverige. Idén är att kunna se hur ' +
      'fritidsverksamheter kan bedrivas samtidigt som träden växer. Del 2 i rapporten ska innehålla en ' +
      'fördjupad studie för att visa på att man kan kombinera en naturturismsatsning i ett område med ' +
      'kalhygge, planerad avverkning och rusta för skydd av känsliga arter.',
  ),
  sub(
    'Projektets övergripande mål',
    'På lång sikt kommer etablerandet av ett cykelområde att',
    kottabergetGoals,
  ),
  sub(
    'Projektmål',
    'En förstudie innehållande underlag och modeller för etablering av en naturturistsatsning i Nora kommun.',
  ),
  sub(
    'Delmål och aktiviteter',
    'Delmål 1: Masterplan för ledetablering',
    'Arbetet med masterplan kommer att ske så snart som möjligt och anpassas efter snöfri terräng.',
    '(En masterplan är en ritning över området som markerar var varje led ska gå och vad de kommer att ' +
      'kosta. Den ligger till grund för att fler beräkningar ska kunna göras, tex för fördyrande avverkning. ' +
      'För att kunna ta fram en masterplan behöver Nora kommun anlita professionella ledbyggare.)',
    'Delmål 2: Modell för naturturismsatsning och landsbygdsutveckling',
    'Nätverksträffar kommer att ske löpande under projekttiden. Sammanfattning och resultat kommer att ' +
      'skrivas löpande.',
    'Delmål 3: Modell för ökad turism och besöksnäring samt ökat företagande',
    'Nätverksträffar kommer att ske löpande under projekttiden. Detta arbete sammanfaller med frågor om ' +
      'naturturismsatsning och berör ibland samma grupper. Arbetet kommer att ske i processform där olika ' +
      'grupper finns med för att ta fram resultat och modeller för att se potential och möjligheter. Konkreta ' +
      'workshops med företag samt tänkta företagare. Särskilda nätverksträffar och workshops för kvinnor och ' +
      'nysvenskar, för att på sikt få med dem i större nätverk. Studieresa till Trysil för utvalda aktörer. ' +
      'Några platser vigs till de nysvenskar som väljer att ta del av ledbyggarskola. Studieresan varar i 2 ' +
      'dagar och kommer förläggas till maj eller juni.',
    'Delmål 4 Modell för hållbart lednätverk',
    'Modellen kommer att bygga på den masterplan som tas fram, samt nätverksträffar med markägare och ' +
      'Länsstyrelsen.',
    'Delmål 5: Ledbyggarskola',
    'Internationell ledbyggarskola för 20 personer från regionen, varav 5 platser är vigda för kvinnor. ' +
      'Målet är att 5 av deltagarna, oavsett kvinnor eller män är nysvenskar från Nora eller Gyttorp.',
  ),
  sub('Ingående kommuner', 'Nora kommun'),
  sub(
    'Regional samverkan',
    'Ledbyggarskolan är öppen för skötselansvariga från de 8 mountainbikeområdena i länet. Sedan fyller man ' +
      'på med deltagare från Gyttorp i första hand och Nora Pershyttan i andra hand. Nora kommun är huvudman ' +
      'för projektet och Hällefors kommun bidrar med resurs till projektet och i samarbete med etableringen ' +
      'av Lake resort Bergslagen. Idémässig förankring kommer att ske med alla kommuner i länet. Resultatet ' +
      'från projektet kommer att bearbetas i en nationell studie upphandlad av Jordbruksverket.',
  ),
  sub(
    'Perspektiv',
    'Möjligheterna att arbeta med cykel i sitt företagande är lika stor för kvinnor och män. Det kan dock ' +
      'vara av nytta att främja kvinnors företagande kopplat till cykel bland nyanlända, då cykel som ' +
      'rekreation och turistprodukt troligtvis är ett relativt okänt begrepp. Det är av stor vikt att försöka ' +
      'locka fler kvinnor som ledbyggare. Internationella erfarenheter visar att andelen kvinnor som deltar i ' +
      'ledbyggarskolor är låg. Projektet kommer att samla till en informationsträff och kvinnligt ' +
      'nätverkande vad gäller cykel som möjlighet till eget företagande och för att locka till deltagande i ' +
      'ledbyggarskola.',
    'Projektet har stort fokus på integration. Valet av plats för etableringen av lederna baseras till stor ' +
      'del på att det ska komma till nytta för samhället och möjligheten det ger till enkla jobb. Därav föll ' +
      'valet på Gyttorp. I Nora kommun är det just Gyttorp som har störst behov av en turismetablering, då ' +
      'både Nora och Pershyttan redan har en stark besöksnäring. Projektet kommer att genomföra flera ' +
      'workshops och nätverksträffar för att främja nyföretagande, kreativitet och integration.',
    'Genom att bygga leder har man möjlighet att göra leder som står emot mer regn, vind, snö men även torka ' +
      'än vad naturliga stigar klarar. I den masterplan som tas fram kommer en priskalkyl finnas med som ' +
      'täcker in byggnation av hållbara leder samt en åtgärdsplan för skötsel och underhåll. Genom att lederna ' +
      'kommer anläggas främst på ett kalhygge kan markägaren styra hur skogen ska se ut och vilka träd som ' +
      'ska växa upp var för att ta hänsyn till hur en naturturismsatsning, avverkning, naturvärden, skötsel ' +
      'och framtida klimatförändringar påverkar helheten. Projektet bygger på att hitta en hållbar modell ' +
      'både ur markägarens synvinkel såväl som naturens.',
  ),
  sub(
    'Långsiktighet',
    'Efter projektets slut kommer man att utifrån de resultat och modeller som framtagits, leta finansiering ' +
      'för att etablera lederna. Etableringen av lederna kommer ske i flera steg. Arbetet kommer att påbörjas ' +
      'ideellt och medel kommer att sökas från t.ex. Allmänna arvsfonden.',
  ),
  sub('Uppföljning', 'Styrgruppen följer upp projektet löpande.'),
  sub(
    'Resultatspridning',
    'Resultatet kommer spridas i regionen och övriga Sverige genom de rapporter som tas fram och genom ' +
      'deltagande på konferenser och nätverksträffar i regionen och Sverige.',
  ),
  sub(
    'Projektorganisation',
    'Projektet styrs av Nora kommun och kommer att ha en referensgrupp med deltagare från offentlig ' +
      'förvaltning, Stiftelsen Nora Veteran Järnväg (förvaltar kulturreservat Pershyttan), företagare i ' +
      'Nora, bylag, samt Länsstyrelsen.',
  ),
  sub(
    'Avgränsning ordinarie verksamhet',
    'Det kommunala näringslivsarbetet ska medverka till att skapa förutsättningar för nya ' +
      'företagsetableringar. Denna typ av etablering som projektet syftar till är både ny i sitt slag och ' +
      'kräver utveckling av metodik för samverkan, arbetsmetoder och affärsmodeller. För att arbeta fram ' +
      'denna ”infrastruktur” krävs extra resurser och ett riggat projekt.',
  ),
];

/**
 * Delegationsbeslut 19RS9565: 15 % of booked costs, at most 137 725 kr. The copy in the seeds lacks its
 * letterhead line, so the date (inside the reported period 2019-11-01 – 2019-12-03, before the project's
 * start) and the handläggare are assumed.
 */
export function kottabergetLetterModel(): LetterModel {
  return {
    region: region('Lena Kihl'),
    labels: SWEDISH_LETTER_LABELS,
    date: '2019-11-28',
    reference: '19RS9565',
    addressee: { name: 'Nora kommun', addressLines: ['Tingshuset', '713 80 Örebro'] },
    title: `Medfinansiering av ${KOTTABERGET}`,
    application: [
      ['Nora kommun ansöker om ', { kronor: 137_725 }, ` för projekt ${KOTTABERGET}.`],
      'Ansökan avser perioden 2019-12-01—2020-10-30.',
    ],
    outcome: 'bifall',
    decision: [
      {
        text: [
          'Nora kommun beviljas ',
          { share: 1_500 },
          ' av projektets bokförda kostnader, dock högst ',
          { kronor: 137_725 },
          `, för genomförande av projekt ${KOTTABERGET}.`,
        ],
      },
      { text: 'Projektet får påbörjas tidigast 2019-12-01 och avslutas senast 2020-10-30.' },
      { text: 'Finansiering sker inom ramen för regionalt utvecklingsstöd - statligt stöd.' },
    ],
    conditions: CONDITIONS,
    summary: [
      'Projektet syftar till att göra en förstudie för att etablera ett hållbart naturturistområde. Kommuner ' +
        'och regioner är ofta kunniga i vilka steg som behöver göras och hur planeringen går till inför ' +
        'etableringen av ett större företag, men det saknas erfarenhet och modeller för hur etablering av en ' +
        'större naturturismsatsning på privatägd mark ska göras.',
    ],
    reasons: [
      'Projektet genomförs enligt den regionala utvecklingsstrategins prioriterade område Näringsliv och ' +
        'entreprenörskap och bidrar till att nå målen om ökad entreprenöriell aktivitet samt ökad tillväxt i ' +
        'näringslivet.',
      PRIORITY_2B,
      'Projektet finansieras också av Tillväxtverket.',
    ],
    description: kottabergetDescription,
    budget: {
      years: [2019, 2020],
      tables: [
        {
          heading: 'Bokförda kostnader',
          groups: [
            {
              rows: [
                row('Egen personal', 16_013, 96_075),
                row('Externa tjänster', 90_000, 555_000),
                row('Resor och logi', 11_000, 127_875),
                row('Investeringar', null, 22_200),
              ],
            },
          ],
          totalLabel: 'Summa bokförda kostnader',
        },
        {
          heading: 'Finansiär',
          groups: [
            {
              label: 'Offentlig finansiär',
              rows: [
                row('Region Örebro län 1:1-medel', 17_552, 120_173),
                row('Nora kommun', 5_851, 32_857),
                // The letter prints 684 120 for 2020, but its own totals (741 730 for the row, 801 150 for
                // the year) only add up with 648 120: two digits swapped in the letter.
                row('Tillväxtverket', 93_610, 648_120),
              ],
            },
          ],
          totalLabel: 'Summa finansiering',
        },
      ],
    },
    signatures: {
      onBehalfOf: `För ${REGION_NAME}`,
      signatories: [DIRECTOR, { name: 'Eva Getzman', title: 'Enhetschef' }],
    },
    appeal: null,
  };
}

/** A made-up rejection (no real case behind it): the grounds and how to appeal. */
export function rejectionLetterModel(): LetterModel {
  const project = 'Digital bygdeportal för Exempelbygden';
  return {
    region: { ...region('Lena Kihl'), handlaggare: { name: 'Lena Kihl', phone: '019-000 00 00' } },
    labels: SWEDISH_LETTER_LABELS,
    date: '2020-03-02',
    reference: '20RS0001',
    addressee: { name: 'Föreningen Exempelbygden', addressLines: ['Storgatan 1', '711 30 Lindesberg'] },
    title: `Medfinansiering av projekt ${project}`,
    application: [
      ['Föreningen Exempelbygden ansöker om ', { kronor: 250_000 }, ` för projekt ${project}.`],
      'Ansökan avser perioden 2020-04-01—2021-03-31.',
    ],
    outcome: 'avslag',
    decision: [{ text: `${REGION_NAME} avslår ansökan om medfinansiering av projekt ${project}.` }],
    conditions: null,
    summary: [
      'Föreningen vill bygga en webbplats med information om föreningslivet, evenemang och service i ' +
        'Exempelbygden och driva den under ett år.',
    ],
    reasons: [
      'Den sökta verksamheten är en del av föreningens ordinarie verksamhet och avgränsas inte från den. ' +
        'Bidrag för projektverksamhet får enligt förordningen (2003:596) bara ges till verksamhet som är ' +
        'skild från den ordinarie.',
      'Projektet bedöms inte heller bidra till något av de områden som är prioriterade i inriktningsbeslutet ' +
        'för det statliga anslaget 1:1 regionala tillväxtåtgärder.',
    ],
    description: [],
    budget: null,
    signatures: {
      onBehalfOf: `För ${REGION_NAME}`,
      signatories: [{ name: 'Niklas Lundgren', title: 'T.f Enhetschef' }],
    },
    appeal: [
      'Om du vill överklaga beslutet ska du skriva till Region Örebro län, Regional utveckling, Box 1613, ' +
        '701 16 Örebro. Ange vilket beslut du överklagar (beteckning 20RS0001) och hur du vill att beslutet ' +
        'ska ändras.',
      'Överklagandet ska ha kommit in inom tre veckor från den dag du fick del av beslutet.',
    ],
  };
}
