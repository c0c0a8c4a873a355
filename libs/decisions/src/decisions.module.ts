import { Module } from '@nestjs/common';
import { CasesModule } from '@anslag/cases';
import { PolicyModule } from '@anslag/policy';
import { DeMinimisRegisterController } from './de-minimis-register/de-minimis-register.controller';
import { DeMinimisRegisterService } from './de-minimis-register/de-minimis-register.service';
import { DecisionsController } from './decisions.controller';
import { DelegationController } from './delegation/delegation.controller';
import { DelegationService } from './delegation/delegation.service';
import { JavService } from './jav/jav.service';
import { DecisionListService } from './signing/decision-list.service';
import { DecisionQueryService } from './signing/decision-query.service';
import { DraftDecisionService } from './signing/draft-decision.service';
import { NamndParagraphService } from './signing/namnd-paragraph.service';
import { SignDecisionService } from './signing/sign-decision.service';

@Module({
  imports: [CasesModule, PolicyModule],
  controllers: [DecisionsController, DelegationController, DeMinimisRegisterController],
  providers: [
    DecisionListService,
    DecisionQueryService,
    DelegationService,
    DeMinimisRegisterService,
    DraftDecisionService,
    JavService,
    NamndParagraphService,
    SignDecisionService,
  ],
  exports: [DelegationService],
})
export class DecisionsModule {}
