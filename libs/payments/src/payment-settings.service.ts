import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RegionSetting } from '@anslag/cases';
import type { AdvanceLimits } from './calc/payable';
import type { RatePeriod } from './calc/recovery';
import type { ScheduleSettings } from './calc/reporting-schedule';
import type { Payer } from './finance/pain001';

export interface CodeLabel {
  code: string;
  label: string;
  /** Where the rule comes from (ordinance and §), for grounds and rates. */
  source?: string;
}

/** The region's rules for what follows a decision: data in `region_setting` under the key "payments". */
export interface PaymentSettings {
  /** Share of the grant paid only when the final report is approved (basis points). */
  holdbackBp: number;
  advance: AdvanceLimits;
  schedule: { projekt: ScheduleSettings; foretagsstod: ScheduleSettings };
  /** Company support without a project period in its decision: months from the decision to the end. */
  companySupportPeriodMonths: number;
  excludedCostTypes: string[];
  deductionReasons: CodeLabel[];
  recoveryGrounds: CodeLabel[];
  /** Interest on recoveries: yearly rates by period (e.g. the reference rate plus a margin). */
  recoveryInterest: { source: string; rates: RatePeriod[] };
  /** Labels of the indicators a final report states (the nämnd's and the decisions' own). */
  reportIndicators: CodeLabel[];
  /** How payment and recovery decisions may be appealed (text for the letter, with its source). */
  appeal: { text: string; source: string } | null;
  /** The region as payer in payment files; none until the region has loaded it. */
  payer: Payer | null;
}

/**
 * Defaults from the law as DOMAIN.md states it (advance at most half the grant and 400 000 kr); every
 * one is overridden by the region's own data, which names its sources.
 */
export const DEFAULT_PAYMENT_SETTINGS: PaymentSettings = {
  holdbackBp: 1000,
  advance: { maxShareBp: 5000, maxAmount: 400_000 },
  schedule: {
    projekt: { intervalMonths: 6, finalDueDays: 60 },
    foretagsstod: { intervalMonths: null, finalDueDays: 60 },
  },
  companySupportPeriodMonths: 12,
  excludedCostTypes: ['fordon', 'leasing', 'eget_arbete', 'lopande_drift'],
  deductionReasons: [
    { code: 'ej_stodberattigande', label: 'Kostnaden är inte stödberättigande' },
    { code: 'utanfor_perioden', label: 'Kostnaden ligger utanför projektperioden' },
    { code: 'fore_ansokan', label: 'Kostnaden uppkom innan ansökan kom in' },
    { code: 'ej_betald', label: 'Kostnaden är inte betald' },
    { code: 'underlag_saknas', label: 'Underlag saknas' },
    { code: 'moms', label: 'Moms är inte stödberättigande' },
    { code: 'ovrigt', label: 'Annat skäl' },
  ],
  recoveryGrounds: [],
  recoveryInterest: { source: '', rates: [] },
  reportIndicators: [],
  appeal: null,
  payer: null,
};

export async function paymentSettings(em: EntityManager): Promise<PaymentSettings> {
  const row = await em.findOne(RegionSetting, { where: { key: 'payments' } });
  const v = (row?.value ?? {}) as Partial<PaymentSettings>;
  return { ...DEFAULT_PAYMENT_SETTINGS, ...v };
}

@Injectable()
export class PaymentSettingsService {
  read(em: EntityManager): Promise<PaymentSettings> {
    return paymentSettings(em);
  }
}
