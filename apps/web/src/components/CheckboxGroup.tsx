import { Checkbox, Fieldset, ValidationMessage } from '@digdir/designsystemet-react';

/**
 * A set of choices as checkboxes under a legend; the fieldset carries the id the API's field maps to, so
 * the error summary's link moves focus to it, and the problem is shown under the legend.
 */
export function CheckboxGroup({
  id,
  legend,
  description,
  options,
  value,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  description?: string;
  options: { value: string; label: string }[];
  value: string[];
  onChange: (next: string[]) => void;
  error?: string;
}) {
  return (
    <Fieldset id={id} tabIndex={-1}>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {description && <Fieldset.Description>{description}</Fieldset.Description>}
      {options.map((o) => (
        <Checkbox
          key={o.value}
          label={o.label}
          value={o.value}
          checked={value.includes(o.value)}
          onChange={(e) =>
            onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))
          }
        />
      ))}
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Fieldset>
  );
}
