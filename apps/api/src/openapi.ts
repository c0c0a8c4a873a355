import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ErrorBodyDto } from '@anslag/common';

type Operation = {
  parameters?: { in: string }[];
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<string, unknown>;
};

const ERRORS: Record<string, string> = {
  '400': 'Ogiltiga uppgifter: `details` namnger varje fält och problem',
  '401': 'Inte inloggad',
  '403': 'Rollen får inte anropa vägen, eller jäv',
  '404': 'Finns inte (eller tillhör någon annan)',
  '409': 'Går inte i ärendets eller beslutets nuvarande läge',
};

/**
 * The OpenAPI document the browser app's client is generated from. Every error an operation can
 * answer is declared with the one error shape, so a generated client types its errors too.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('anslag')
      .setDescription('Ärendehantering för regionala tillväxtmedel (1:1 Regionala tillväxtåtgärder)')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
    {
      extraModels: [ErrorBodyDto],
      operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
    },
  );
  const error = { $ref: '#/components/schemas/ErrorBodyDto' };
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops as Record<string, Operation>)) {
      const codes = new Set<string>();
      const inputs = (op.parameters ?? []).length > 0 || op.requestBody !== undefined;
      if (inputs) codes.add('400');
      if (op.security?.length) codes.add('401').add('403');
      if (path.includes('{')) codes.add('404');
      if (['post', 'put', 'patch', 'delete'].includes(method) && path !== '/api/auth/login') codes.add('409');
      if (path === '/api/auth/login') codes.add('401');
      for (const code of codes)
        op.responses[code] ??= {
          description: ERRORS[code],
          content: { 'application/json': { schema: error } },
        };
    }
  }
  return doc;
}

/** Object keys sorted at every depth, so that the written document diffs line by line. */
