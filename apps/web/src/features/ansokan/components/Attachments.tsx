import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Field,
  Fieldset,
  Input,
  Label,
  List,
  Paragraph,
  Tag,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { attachmentsQueryOptions, attachmentTypesQueryOptions, uploadAttachment } from '../api';
import { toFieldErrors, type FieldError } from '../../../api/errors';
import { LoadFailed, Loading } from '../../../components/Loading';
import { svAnsokan } from '../../../text/sv-ansokan';

const t = svAnsokan;

/** Whether a catalogue entry is required for this track and aid form ("projekt", "foretagsstod:konsultcheck"). */
export function requiredHere(requiredFor: string[], track: string, aidForm: string | null): boolean {
  return requiredFor.includes(track) || (!!aidForm && requiredFor.includes(`${track}:${aidForm}`));
}

/**
 * The attachments the case may have, one upload per type: the required ones first and marked. A file is
 * sent as soon as it is chosen; what the API says about it (too large, wrong format) is shown at its input.
 */
export function Attachments({
  caseId,
  track,
  aidForm,
  problems = [],
}: {
  caseId: string;
  track: string;
  aidForm: string | null;
  /** What the submission check says about attachments, by input id (`attachments-offert`). */
  problems?: FieldError[];
}) {
  const types = useQuery(attachmentTypesQueryOptions());
  const files = useQuery(attachmentsQueryOptions(caseId));
  const queryClient = useQueryClient();
  const [done, setDone] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const upload = useMutation({
    mutationFn: ({ type, file }: { type: string; file: File }) => uploadAttachment(caseId, type, file),
    onSuccess: (a) => {
      setErrors([]);
      setDone(t.uploadedNow(a.filename));
      void queryClient.invalidateQueries({ queryKey: ['get'] });
    },
    onError: (e, v) => setErrors(toFieldErrors(e).map((x) => ({ ...x, id: `attachments-${v.type}` }))),
  });
  if (types.isLoading || files.isLoading) return <Loading />;
  if (types.isError || files.isError || !types.data) return <LoadFailed />;
  const shown = types.data.types
    .filter((x) => x.tracks.includes(track))
    .map((x) => ({ ...x, required: requiredHere(x.requiredFor, track, aidForm) }))
    .sort((a, b) => Number(b.required) - Number(a.required));
  return (
    <div className="stack">
      <Paragraph>{t.attachmentsIntro}</Paragraph>
      {shown.map((type) => {
        const id = `attachments-${type.code}`;
        const mine = (files.data ?? []).filter((f) => f.type === type.code);
        const problem = [...problems, ...errors]
          .filter((p) => p.id === id)
          .map((p) => p.message)
          .join(' ');
        return (
          <Fieldset key={type.code}>
            <Fieldset.Legend>
              {type.name}{' '}
              <Tag data-color={type.required ? 'warning' : 'neutral'}>
                {type.required ? t.required : t.optional}
              </Tag>
            </Fieldset.Legend>
            {type.description && <Fieldset.Description>{type.description}</Fieldset.Description>}
            {mine.length ? (
              <List.Unordered aria-label={`${t.uploaded}: ${type.name}`}>
                {mine.map((f) => (
                  <List.Item key={f.id}>{f.filename}</List.Item>
                ))}
              </List.Unordered>
            ) : (
              <Paragraph data-size="sm">{t.noFiles}</Paragraph>
            )}
            <Field>
              <Label htmlFor={id}>{t.chooseFile(type.name)}</Label>
              <Input
                id={id}
                type="file"
                accept={types.data.contentTypes.join(',')}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? `${id}-problem` : undefined}
                disabled={upload.isPending}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) upload.mutate({ type: type.code, file });
                  e.target.value = '';
                }}
              />
              {problem && <ValidationMessage id={`${id}-problem`}>{problem}</ValidationMessage>}
            </Field>
          </Fieldset>
        );
      })}
      <p role="status">{done}</p>
    </div>
  );
}
