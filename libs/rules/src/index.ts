export * from './types';
export { evaluate } from './evaluate';
export { selectInForce, selectRuleSet, selectRusCatalogue } from './select';
export { validateRuleSet } from './validate';
export { frameOf, frameStatus } from './frames';
export { rankProject } from './project';
export { formatRef } from './checks';
export { regimeOn, rateOn, windowStart } from './firm/de-minimis';
export { stockholmDate } from './dates';
