import type { ErrorDetail } from '@anslag/common';
import {
  type Catalogues,
  type CodesInForce,
  costTypesAllowed,
  priorityCriteriaFor,
} from '../catalogue/catalogue.service';
import type { CaseFieldsDto } from './case.dto';

const unknown = (field: string, what: string, code: string, allowed: string[]): ErrorDetail => ({
  field,
  problem: `okänd ${what} "${code}"`,
  allowed,
});

/**
 * Every code in an application checked against its catalogue when it arrives, so an unknown code is a
 * 400 naming the field and listing the allowed codes, never a surprise in the evaluation later.
 */
export function checkCodes(
  dto: CaseFieldsDto,
  track: 'projekt' | 'foretagsstod',
  aidForm: string | null,
  cat: Catalogues,
  codes: CodesInForce,
): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (dto.sections && cat.sectionEntries.length > 0) {
    const allowed = cat.sectionEntries.filter((s) => s.tracks.length === 0 || s.tracks.includes(track));
    const known = new Set(allowed.map((s) => s.code));
    for (const [key, text] of Object.entries(dto.sections)) {
      if (!known.has(key))
        out.push(
          unknown(
            `sections.${key}`,
            'avsnittskod',
            key,
            allowed.map((s) => s.code),
          ),
        );
      else if (typeof text !== 'string') out.push({ field: `sections.${key}`, problem: 'ska vara text' });
      else if (text.length > 20_000)
        out.push({ field: `sections.${key}`, problem: 'får ha högst 20 000 tecken' });
    }
  }
  const rus = codes.rus;
  if (rus) {
    const areas = rus.areas.map((a) => a.code);
    dto.rusAreas?.forEach((a, i) => {
      if (!areas.includes(a)) out.push(unknown(`rusAreas[${i}]`, 'RUS-område', a, areas));
    });
    const goals = rus.effektmal.map((e) => e.code);
    dto.effektmal?.forEach((e, i) => {
      if (!goals.includes(e)) out.push(unknown(`effektmal[${i}]`, 'effektmål', e, goals));
    });
  }
  const rules = codes.ruleSet;
  if (rules) {
    const all = Object.keys(rules.costTypes);
    dto.costLines?.forEach((l, i) => {
      if (!all.includes(l.costType)) {
        const allowed = aidForm ? costTypesAllowed(rules, aidForm) : all;
        out.push(unknown(`costLines[${i}].costType`, 'kostnadstyp', l.costType, allowed));
      }
    });
    const criteria = priorityCriteriaFor(rules, aidForm).map((c) => c.code);
    dto.priorityClaims?.forEach((c, i) => {
      if (!criteria.includes(c)) out.push(unknown(`priorityClaims[${i}]`, 'prioriteringsgrund', c, criteria));
    });
  }
  return out;
}
