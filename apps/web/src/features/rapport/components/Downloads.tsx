import { useMutation } from '@tanstack/react-query';
import { Alert, Button } from '@digdir/designsystemet-react';
import { saveBlob } from '../../arende/api';
import { Progress } from '../../../components/Progress';
import { sv } from '../../../text/sv';

export const FILE_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/**
 * The shown report's files: a button per format, a spinner with a text while the file is made (announced
 * in a live region), and a message when it could not be made.
 */
export function Downloads({
  file,
  name,
  text,
}: {
  /** Fetches the file in the given format. */
  file: (format: FileFormat) => Promise<Blob>;
  /** The name the file is saved under. */
  name: (format: FileFormat) => string;
  text: { download: (format: string) => string; preparing: string };
}) {
  const download = useMutation({
    mutationFn: async (format: FileFormat) => saveBlob(await file(format), name(format)),
  });
  return (
    <>
      <div className="row">
        {FILE_FORMATS.map((format) => (
          <Button
            key={format}
            variant="secondary"
            onClick={() => download.mutate(format)}
            loading={download.isPending && download.variables === format}
          >
            {text.download(format.toUpperCase())}
          </Button>
        ))}
      </div>
      <Progress active={download.isPending} text={text.preparing} />
      {download.isError && <Alert data-color="danger">{sv.app.loadFailed}</Alert>}
    </>
  );
}
