import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { toFieldErrors } from '../../../api/errors';
import type { Case } from '../../../api/types';
import { FormErrorSummary } from '../../../components/FormErrorSummary';
import { svHandlaggning } from '../../../text/sv-handlaggning';
import { assignTo } from '../api';

const t = svHandlaggning.assignment;

/** Who handles the case, and "Ta ärendet" for the signed-in handläggare when it is not theirs. */
export function Assignment({ c, me }: { c: Case; me: string | undefined }) {
  const queryClient = useQueryClient();
  const take = useMutation({
    mutationFn: () => assignTo(c.id, me!),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['get'] }),
  });
  const assigned = c.assignedTo;
  const mine = !!me && assigned?.id === me;
  return (
    <div className="stack">
      <div className="row">
        <Paragraph>
          {t.assignedTo}: <strong>{assigned ? assigned.displayName : t.nobody}</strong>
        </Paragraph>
        {me && !mine && (
          <Button data-size="sm" variant="secondary" onClick={() => take.mutate()} loading={take.isPending}>
            {t.take}
          </Button>
        )}
      </div>
      {take.isSuccess && mine && (
        <Paragraph role="status" data-size="sm">
          {t.taken}
        </Paragraph>
      )}
      <FormErrorSummary errors={toFieldErrors(take.error)} />
    </div>
  );
}
