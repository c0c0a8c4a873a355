export { ReportsModule } from './reports.module';
export { DelegationReportService, type ReportDownload } from './delegation/delegation-report.service';
export { DELEGATION_REPORT_SQL, delegationReportParams } from './delegation/delegation-report.query';
export type { DelegationReportRow, ReportTotals } from './delegation/delegation-report.model';
export { FollowUpService, FOLLOW_UP_DECISIONS_SQL } from './follow-up/follow-up.service';
export type { FollowUp } from './follow-up/follow-up.model';
export { RegionHeaderService } from './shared/region-header.service';
