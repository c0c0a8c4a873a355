/**
 * The aid form of a decision (or, before it had one, of its case) as "form/sub-form", and its names from
 * the catalogue: joins shared by the delegation report and the follow-up figures. `decision` is the alias
 * of the decision-like row, `gc` the case.
 */
export const aidFormNameJoins = (decision: string): string => `
CROSS JOIN LATERAL (
  SELECT COALESCE(${decision}.aid_form, gc.aid_form || COALESCE('/' || gc.aid_subform, '')) AS af
) x
LEFT JOIN catalogue_entry form ON form.kind = 'aid_form' AND form.code = split_part(x.af, '/', 1)
LEFT JOIN catalogue_entry sub ON sub.kind = 'aid_subform' AND split_part(x.af, '/', 2) <> ''
  AND sub.code = split_part(x.af, '/', 2) AND sub.parent = split_part(x.af, '/', 1)`;
