import { Module } from '@nestjs/common';
import { AccessService } from './access.service';
import { AttachmentsController } from './attachments/attachments.controller';
import { AttachmentsService } from './attachments/attachments.service';
import { CaseQueryService } from './cases/case-query.service';
import { CaseTransitionService } from './cases/case-transition.service';
import { CaseWriteService } from './cases/case-write.service';
import { CasesController } from './cases/cases.controller';
import { CaseAssignmentService } from './cases/case-assignment.service';
import { CompletionRequestListService } from './cases/completion-request-list.service';
import { CompletionRequestsController } from './cases/completion-requests.controller';
import { CompletionRequestService } from './cases/completion-request.service';
import { PeopleService } from './cases/people.service';
import { SubmissionCheckService } from './cases/submission-check.service';
import { DiarienummerService } from './cases/diarienummer.service';
import { CatalogueService } from './catalogue/catalogue.service';
import { CatalogueViewService } from './catalogue/catalogue-view.service';
import { CataloguesController } from './catalogue/catalogues.controller';
import { HistoryService } from './history/history.service';
import { OrganisationHistoryService } from './organisations/organisation-history.service';
import { OrganisationsController } from './organisations/organisations.controller';
import { OrganisationsService } from './organisations/organisations.service';
import { PersonalDataLogService } from './organisations/personal-data-log.service';
import { ServiceAreaController } from './cases/service-area.controller';
import { ServiceAreaService } from './cases/service-area.service';
import { SingleUndertakingController } from './single-undertaking/single-undertaking.controller';
import { SingleUndertakingService } from './single-undertaking/single-undertaking.service';

@Module({
  controllers: [
    OrganisationsController,
    CasesController,
    AttachmentsController,
    CataloguesController,
    CompletionRequestsController,
    SingleUndertakingController,
    ServiceAreaController,
  ],
  providers: [
    AccessService,
    AttachmentsService,
    CaseQueryService,
    CaseTransitionService,
    CaseWriteService,
    CaseAssignmentService,
    CompletionRequestListService,
    CompletionRequestService,
    PeopleService,
    SubmissionCheckService,
    CatalogueService,
    CatalogueViewService,
    DiarienummerService,
    HistoryService,
    OrganisationHistoryService,
    OrganisationsService,
    PersonalDataLogService,
    ServiceAreaService,
    SingleUndertakingService,
  ],
  exports: [
    AccessService,
    PeopleService,
    CatalogueService,
    CaseQueryService,
    DiarienummerService,
    HistoryService,
    PersonalDataLogService,
  ],
})
export class CasesModule {}
