import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, Role, Roles } from '@anslag/auth';
import {
  AidFormDto,
  AttachmentTypesDto,
  CatalogueDateQueryDto,
  CatalogueEntryDto,
  CatalogueEntryParamsDto,
  CodeNameDto,
  CostTypeDto,
  FinancierDto,
  KommunDto,
  KommunParamsDto,
  PriorityCriterionDto,
  RusInForceDto,
  SectionDto,
  UpsertCatalogueEntryDto,
  UpsertKommunDto,
} from './catalogue.dto';
import { CatalogueViewService } from './catalogue-view.service';

/** Every code a client sends or shows, with its Swedish label; read by everyone, kept by admins. */
@ApiTags('catalogues')
@ApiBearerAuth()
@Controller('api/catalogues')
export class CataloguesController {
  constructor(private readonly view: CatalogueViewService) {}

  @Get('kommuner')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: "The region's kommuner (organisation.kommunCode). Any signed-in role." })
  @ApiOkResponse({ type: [KommunDto] })
  kommuner(): Promise<KommunDto[]> {
    return this.view.kommuner();
  }

  @Get('aid-forms')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary:
      'Aid forms with sub-forms, the cost types and priority criteria each allows, limits and required attachments. Any signed-in role.',
  })
  @ApiOkResponse({ type: [AidFormDto] })
  aidForms(@Query() q: CatalogueDateQueryDto): Promise<AidFormDto[]> {
    return this.view.aidForms(q.date);
  }

  @Get('cost-categories')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: 'Cost categories of a project budget (budget.costs[].category). Any signed-in role.',
  })
  @ApiOkResponse({ type: [CodeNameDto] })
  costCategories(): Promise<CodeNameDto[]> {
    return this.view.costCategories();
  }

  @Get('cost-types')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary:
      'Cost types of company support (costLines[].costType) and the aid forms that allow each. Any signed-in role.',
  })
  @ApiOkResponse({ type: [CostTypeDto] })
  costTypes(@Query() q: CatalogueDateQueryDto): Promise<CostTypeDto[]> {
    return this.view.costTypes(q.date);
  }

  @Get('financiers')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary:
      "Financiers of a project budget (budget.financing[].financier): the region's money, own contribution, each kommun, other public and private. Any signed-in role.",
  })
  @ApiOkResponse({ type: [FinancierDto] })
  financiers(): Promise<FinancierDto[]> {
    return this.view.financiers();
  }

  @Get('rus')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary:
      'The RUS catalogue in force: priority areas (rusAreas) and effektmål (effektmal). Any signed-in role.',
  })
  @ApiOkResponse({ type: RusInForceDto })
  rus(@Query() q: CatalogueDateQueryDto): Promise<RusInForceDto> {
    return this.view.rus(q.date);
  }

  @Get('priority-criteria')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary:
      'Priority criteria a firm may claim (priorityClaims), and the aid forms each belongs to. Any signed-in role.',
  })
  @ApiOkResponse({ type: [PriorityCriterionDto] })
  priorityCriteria(@Query() q: CatalogueDateQueryDto): Promise<PriorityCriterionDto[]> {
    return this.view.priorityCriteria(q.date);
  }

  @Get('sections')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary:
      'Application sections (sections.{code}) with headings, and where each is required. Any signed-in role.',
  })
  @ApiOkResponse({ type: [SectionDto] })
  sections(): Promise<SectionDto[]> {
    return this.view.sections();
  }

  @Get('attachment-types')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary:
      'Accepted attachment types, where each is required, file formats and the size limit. Any signed-in role.',
  })
  @ApiOkResponse({ type: AttachmentTypesDto })
  attachmentTypes(): Promise<AttachmentTypesDto> {
    return this.view.attachmentTypes();
  }

  @Get('entries')
  @Roles(Role.admin)
  @ApiOperation({ summary: "Every entry of the region's catalogues, inactive ones too. Admin." })
  @ApiOkResponse({ type: [CatalogueEntryDto] })
  entries(): Promise<CatalogueEntryDto[]> {
    return this.view.allEntries();
  }

  @Put('entries/:kind/:code')
  @Roles(Role.admin)
  @ApiOperation({
    summary: 'Add or change a catalogue entry (a code is never removed; set active false). Admin.',
  })
  @ApiOkResponse({ type: CatalogueEntryDto })
  upsertEntry(
    @Param() params: CatalogueEntryParamsDto,
    @Body() dto: UpsertCatalogueEntryDto,
  ): Promise<CatalogueEntryDto> {
    return this.view.upsertEntry(params.kind, params.code, dto);
  }

  @Put('kommuner/:code')
  @Roles(Role.admin)
  @ApiOperation({ summary: 'Add or rename a kommun. Admin.' })
  @ApiOkResponse({ type: KommunDto })
  upsertKommun(@Param() params: KommunParamsDto, @Body() dto: UpsertKommunDto): Promise<KommunDto> {
    return this.view.upsertKommun(params.code, dto.name);
  }
}
