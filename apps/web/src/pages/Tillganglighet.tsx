import { Heading, Paragraph, List } from '@digdir/designsystemet-react';
import { sv } from '../text/sv';
import { usePageTitle } from '../app/usePageTitle';

/** The accessibility statement that lag (2018:1937) om tillgänglighet till digital offentlig service asks for. */
export function Tillganglighet() {
  usePageTitle(sv.tillganglighet.title);
  return (
    <div className="stack narrow">
      <Heading level={1} data-size="lg">
        {sv.tillganglighet.title}
      </Heading>
      <Paragraph>
        Regionen står bakom den här e-tjänsten för ansökan om och handläggning av regionala tillväxtmedel. Vi
        vill att så många som möjligt ska kunna använda den. Här beskriver vi hur tjänsten uppfyller lagen om
        tillgänglighet till digital offentlig service, vilka brister vi känner till och hur du kan meddela oss
        om problem.
      </Paragraph>
      <Heading level={2} data-size="md">
        Hur tillgänglig är tjänsten?
      </Heading>
      <Paragraph>
        Tjänsten är byggd för att uppfylla nivå AA i WCAG 2.1. Den fungerar med enbart tangentbord, med
        skärmläsare, på 360 pixlar breda skärmar och förstorad till 200 procent. Varje sida prövas automatiskt
        med verktyget axe i en riktig webbläsare innan en ny version tas i bruk.
      </Paragraph>
      <Heading level={2} data-size="md">
        Kända brister
      </Heading>
      <List.Unordered>
        <List.Item>
          Beslutsbrev och redovisningar som PDF-filer är inte fullt taggade för skärmläsare.
        </List.Item>
        <List.Item>Diagram visas alltid tillsammans med en tabell med samma siffror.</List.Item>
      </List.Unordered>
      <Heading level={2} data-size="md">
        Om du stöter på problem
      </Heading>
      <Paragraph>
        Om du inte kan använda någon del av tjänsten, eller behöver innehållet i ett annat format, kontakta
        regionens registrator eller handläggaren för ditt ärende. Ange gärna sidans adress och vad som inte
        fungerade. Vi svarar inom två arbetsdagar.
      </Paragraph>
      <Heading level={2} data-size="md">
        Tillsyn
      </Heading>
      <Paragraph>
        Myndigheten för digital förvaltning (DIGG) har ansvaret för tillsyn över lagen om tillgänglighet till
        digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du anmäla det
        till DIGG.
      </Paragraph>
      <Paragraph data-size="sm">Redogörelsen uppdaterades 2026-11-30.</Paragraph>
    </div>
  );
}
