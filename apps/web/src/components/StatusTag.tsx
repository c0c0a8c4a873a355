import { Tag } from '@digdir/designsystemet-react';
import { sv } from '../text/sv';

const colour: Record<string, 'neutral' | 'info' | 'warning' | 'success' | 'danger'> = {
  utkast: 'neutral',
  inskickad: 'info',
  under_handlaggning: 'info',
  komplettering_begard: 'warning',
  komplettering_inkommen: 'info',
  beslutad: 'success',
  aterkallad: 'neutral',
};

/** A case's status in words (never by colour alone). */
export function StatusTag({ status }: { status: string }) {
  return <Tag data-color={colour[status] ?? 'neutral'}>{sv.status[status] ?? status}</Tag>;
}
