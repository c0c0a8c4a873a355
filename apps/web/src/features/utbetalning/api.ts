import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { queryKeys } from '../../api/queryKeys';
import type { Schemas } from '../../api/types';

export type ScheduleItem = Schemas['ScheduleItemDto'];
export type PaymentRequest = Schemas['PaymentRequestDto'];
export type PaymentRequestFields = Schemas['PaymentRequestFieldsDto'];
export type Voucher = Schemas['VoucherDto'];
export type CheckResult = Schemas['CheckResultDto'];
export type PaymentRequestListItem = Schemas['PaymentRequestListItemDto'];
export type Payment = Schemas['PaymentDto'];
export type CommitmentLine = Schemas['CommitmentLineDto'];
export type OverdueReport = Schemas['OverdueReportDto'];
export type VerifyLine = Schemas['VerifyLineDto'];

export const scheduleQueryOptions = (decisionId: string) =>
  queryOptions({
    queryKey: queryKeys.get('/api/decisions/{id}/reporting-schedule', { decisionId }),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/decisions/{id}/reporting-schedule', { params: { path: { id: decisionId } } }),
      ),
  });

export const requestsQueryOptions = (decisionId: string) =>
  queryOptions({
    queryKey: queryKeys.get('/api/decisions/{id}/payment-requests', { decisionId }),
    queryFn: async () =>
      unwrap(await api.GET('/api/decisions/{id}/payment-requests', { params: { path: { id: decisionId } } })),
  });

export const requestQueryOptions = (id: string) =>
  queryOptions({
    queryKey: queryKeys.get('/api/payment-requests/{id}', { id }),
    queryFn: async () => unwrap(await api.GET('/api/payment-requests/{id}', { params: { path: { id } } })),
  });

export const submittedRequestsQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.get('/api/payment-requests', { status: 'inskickad' }),
    queryFn: async () =>
      unwrap(await api.GET('/api/payment-requests', { params: { query: { status: 'inskickad' } } })),
  });

export const proposedPaymentsQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.get('/api/payments', { status: 'forslag' }),
    queryFn: async () => unwrap(await api.GET('/api/payments', { params: { query: { status: 'forslag' } } })),
  });

export const deductionReasonsQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.get('/api/payments/deduction-reasons', {}),
    queryFn: async () => unwrap(await api.GET('/api/payments/deduction-reasons')),
  });

export const outstandingQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.get('/api/payments/reports/outstanding', {}),
    queryFn: async () =>
      unwrap(await api.GET('/api/payments/reports/outstanding', { params: { query: {} } })),
  });

export const overdueQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.get('/api/payments/reports/overdue', {}),
    queryFn: async () => unwrap(await api.GET('/api/payments/reports/overdue', { params: { query: {} } })),
  });

export async function startRequest(decisionId: string): Promise<PaymentRequest> {
  return unwrap(
    await api.POST('/api/decisions/{id}/payment-requests', {
      params: { path: { id: decisionId } },
      body: {},
    }),
  );
}

export async function saveRequest(id: string, body: PaymentRequestFields): Promise<PaymentRequest> {
  return unwrap(await api.PATCH('/api/payment-requests/{id}', { params: { path: { id } }, body }));
}

export async function checkRequest(id: string): Promise<CheckResult> {
  return unwrap(await api.POST('/api/payment-requests/{id}/check', { params: { path: { id } } }));
}

export async function submitRequest(id: string): Promise<PaymentRequest> {
  return unwrap(await api.POST('/api/payment-requests/{id}/submit', { params: { path: { id } } }));
}

export async function verifyRequest(
  id: string,
  lines: VerifyLine[],
  finalReportApproved: boolean,
): Promise<PaymentRequest> {
  return unwrap(
    await api.POST('/api/payment-requests/{id}/verification', {
      params: { path: { id } },
      body: { lines, finalReportApproved },
    }),
  );
}

export async function authorisePayment(id: string): Promise<Payment> {
  return unwrap(await api.POST('/api/payments/{id}/authorise', { params: { path: { id } } }));
}
