/**
 * The secretariat's texts beyond the delegation report's table (in sv.ts): presenting the report to the
 * nämnd, what is not yet reported, and the follow-up with its charts.
 */
export const svSekretariat = {
  nav: {
    uppfoljning: 'Uppföljning',
  },
  present: {
    open: 'Markera som föredragen',
    title: 'Markera redovisningen som föredragen',
    intro:
      'Besluten i perioden som inte redan har redovisats stämplas med sammanträdet och paragrafen. Redovisningen sparas som den ser ut nu och kan inte ändras efteråt.',
    period: 'Period',
    point: 'Delegationspunkt',
    allPoints: 'Alla punkter',
    stamped: 'Beslut som stämplas',
    meetingDate: 'Nämndens sammanträde',
    meetingDateHint: 'ÅÅÅÅ-MM-DD',
    paragraph: 'Paragraf i protokollet',
    paragraphHint: 'Till exempel § 7',
    confirm: 'Markera som föredragen',
    cancel: 'Avbryt',
    done: (n: number, date: string, paragraph: string) =>
      `${n} beslut är markerade som föredragna vid sammanträdet ${date}, ${paragraph}.`,
  },
  presentations: {
    title: 'Föredragna redovisningar',
    none: 'Ingen redovisning har föredragits ännu.',
    meeting: 'Sammanträde',
    paragraph: 'Paragraf',
    period: 'Period',
    point: 'Punkt',
    decisions: 'Beslut',
    presentedBy: 'Markerad av',
    download: 'Ladda ned',
    downloadAs: (f: string, meeting: string, paragraph: string) =>
      `Ladda ned ${f}, föredragen ${meeting} ${paragraph}`,
  },
  undelivered: {
    title: 'Ännu inte redovisat',
    intro: 'Signerade delegationsbeslut som ännu inte ingår i en föredragen redovisning.',
    none: 'Alla signerade delegationsbeslut är redovisade.',
    point: 'Punkt',
    count: 'Beslut',
    granted: 'Beviljat',
    last: 'Senast redovisad',
    never: 'Aldrig',
    lastValue: (periodTo: string, meeting: string, paragraph: string) =>
      `t.o.m. ${periodTo} (sammanträde ${meeting}, ${paragraph})`,
  },
  uppfoljning: {
    title: 'Uppföljning',
    intro:
      'Beviljade och avslagna beslut under ett år, per stödform och kommun, nämndens indikatorer jämfört med året innan och hur ramarna i inriktningsbeslutet har använts.',
    year: 'År',
    show: 'Visa',
    download: (f: string) => `Ladda ned ${f}`,
    preparing: 'Filen tas fram…',
    totals: (granted: number, amount: string, rejected: number) =>
      `${granted} beviljade beslut på sammanlagt ${amount} och ${rejected} avslag.`,
    chartNote: 'Diagrammet visar samma siffror som tabellen.',
    frames: {
      title: 'Ramar: använt mot inriktningsbeslutet',
      from: (title: string) => `Enligt ${title}.`,
      noDecision: 'Inget inriktningsbeslut gäller för året.',
      frame: 'Ram',
      amount: 'Belopp i inriktningsbeslutet',
      used: 'Använt',
      left: 'Kvar',
      binding: { indikativ: 'indikativ', hogst: 'högst' } as Record<string, string>,
      notInDecision: 'Ingår inte',
    },
    perKommun: 'Beviljat per kommun',
    perAidForm: 'Beviljat per stödform',
    kommun: 'Kommun',
    aidForm: 'Stödform',
    grantedCount: 'Beviljade',
    granted: 'Beviljat belopp',
    rejectedCount: 'Avslag',
    women: {
      title: 'Företag som drivs av kvinnor',
      intro:
        'Nämndens indikator: fler beviljade företagsstöd till företag som drivs av kvinnor än året innan.',
      year: 'År',
      count: 'Beviljade företagsstöd',
      countOf: (n: number, of: number) => `${n} av ${of}`,
      amount: 'Beviljat belopp',
      share: 'Andel av alla beviljade företagsstöd',
      increased: 'Ökning jämfört med året innan.',
      notIncreased: 'Ingen ökning jämfört med året innan.',
    },
  },
};
