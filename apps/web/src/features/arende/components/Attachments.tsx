import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Field,
  Heading,
  Input,
  Label,
  Paragraph,
  Table,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { toFieldErrors } from '../../../api/errors';
import { FormErrorSummary, errorFor } from '../../../components/FormErrorSummary';
import { TableScroll } from '../../../components/TableScroll';
import { formatDateTime } from '../../../format';
import { svHandlaggning } from '../../../text/sv-handlaggning';
import { attachmentsQueryOptions, downloadAttachment, uploadAttachment, type Attachment } from '../api';

const t = svHandlaggning.attachments;

const size = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('sv-SE')} kB`
    : `${(bytes / (1024 * 1024)).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} MB`;

/** The case's attachments: each one downloadable, and the officer may add one. */
export function Attachments({ caseId }: { caseId: string }) {
  const queryClient = useQueryClient();
  const list = useQuery(attachmentsQueryOptions(caseId));
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: (f: File) => uploadAttachment(caseId, f),
    onSuccess: () => {
      setFile(null);
      if (input.current) input.current.value = '';
      void queryClient.invalidateQueries({ queryKey: ['get'] });
    },
  });
  const download = useMutation({ mutationFn: (a: Attachment) => downloadAttachment(caseId, a) });
  const errors = [...toFieldErrors(upload.error, { file: t.choose }), ...toFieldErrors(download.error)];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) upload.mutate(file);
  };
  const items = list.data ?? [];
  return (
    <section className="stack" aria-labelledby="bilagor">
      <Heading level={2} data-size="md" id="bilagor">
        {t.heading}
      </Heading>
      {list.data && items.length === 0 && <Paragraph>{t.none}</Paragraph>}
      {items.length > 0 && (
        <TableScroll label={t.heading}>
          <Table data-size="sm">
            <caption className="visually-hidden">{t.heading}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t.file}</Table.HeaderCell>
                <Table.HeaderCell>{t.type}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t.size}</Table.HeaderCell>
                <Table.HeaderCell>{t.added}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((a) => (
                <Table.Row key={a.id}>
                  <Table.Cell>
                    <Button
                      data-size="sm"
                      variant="tertiary"
                      aria-label={t.download(a.filename)}
                      onClick={() => download.mutate(a)}
                    >
                      {a.filename}
                    </Button>
                  </Table.Cell>
                  <Table.Cell>{a.type ?? t.noType}</Table.Cell>
                  <Table.Cell className="num">{size(a.size)}</Table.Cell>
                  <Table.Cell>{formatDateTime(a.createdAt)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {upload.isSuccess && (
        <Paragraph role="status" data-size="sm">
          {t.uploaded(upload.data.filename)}
        </Paragraph>
      )}
      <form onSubmit={submit} noValidate className="stack narrow">
        <FormErrorSummary errors={errors} />
        <Field>
          <Label htmlFor="file">{t.choose}</Label>
          <Paragraph data-size="sm">{t.chooseHint}</Paragraph>
          <Input
            id="file"
            ref={input}
            type="file"
            aria-invalid={errorFor(errors, 'file') ? true : undefined}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          {errorFor(errors, 'file') && <ValidationMessage>{errorFor(errors, 'file')}</ValidationMessage>}
        </Field>
        <div>
          <Button type="submit" variant="secondary" disabled={!file} loading={upload.isPending}>
            {t.uploadButton}
          </Button>
        </div>
      </form>
    </section>
  );
}
