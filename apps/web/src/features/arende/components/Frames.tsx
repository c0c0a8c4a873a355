import { Alert, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { Schemas } from '../../../api/types';
import { TableScroll } from '../../../components/TableScroll';
import { formatKronor } from '../../../format';
import { svHandlaggning } from '../../../text/sv-handlaggning';

const t = svHandlaggning.frames;

/**
 * The frames of the inriktningsbeslut beside the evaluation, with this case proposed: the frame, what is
 * granted, this case, and what is left; an overdrawn frame is named in words, not by colour alone.
 */
export function Frames({ frames }: { frames: Schemas['FrameStatusDto'] | null | undefined }) {
  return (
    <div className="stack">
      <Heading level={3} data-size="xs">
        {t.heading}
      </Heading>
      {!frames || frames.lines.length === 0 ? (
        <Paragraph data-size="sm">{t.none}</Paragraph>
      ) : (
        <>
          <Paragraph data-size="sm">{t.intro}</Paragraph>
          {frames.reasons.length > 0 && (
            <Alert data-color="warning">
              <ul className="plain">
                {frames.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </Alert>
          )}
          <TableScroll label={t.heading}>
            <Table data-size="sm">
              <caption className="visually-hidden">{t.heading}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t.frame}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t.indicative}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t.granted}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t.proposed}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t.left}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {frames.lines.map((l) => (
                  <Table.Row key={`${l.scope}:${l.code}`}>
                    <Table.Cell>
                      {l.name}
                      {l.overdrawn && (
                        <>
                          {' '}
                          <Tag data-color="warning">{t.overdrawn}</Tag>
                        </>
                      )}
                    </Table.Cell>
                    <Table.Cell className="num">{formatKronor(l.indicative)}</Table.Cell>
                    <Table.Cell className="num">{formatKronor(l.granted)}</Table.Cell>
                    <Table.Cell className="num">{formatKronor(l.proposed)}</Table.Cell>
                    <Table.Cell className="num">{formatKronor(l.left)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        </>
      )}
    </div>
  );
}
