import { Module } from '@nestjs/common';
import { UndeliveredService } from './delegation/undelivered.service';
import { PolicyModule } from '@anslag/policy';
import { DelegationReportController } from './delegation/delegation-report.controller';
import { DelegationReportService } from './delegation/delegation-report.service';
import { ReportPresentationService } from './delegation/report-presentation.service';
import { FollowUpController } from './follow-up/follow-up.controller';
import { FollowUpService } from './follow-up/follow-up.service';
import { RegionHeaderService } from './shared/region-header.service';

@Module({
  imports: [PolicyModule],
  controllers: [DelegationReportController, FollowUpController],
  providers: [
    DelegationReportService,
    ReportPresentationService,
    FollowUpService,
    RegionHeaderService,
    UndeliveredService,
  ],
  exports: [DelegationReportService, FollowUpService],
})
export class ReportsModule {}
