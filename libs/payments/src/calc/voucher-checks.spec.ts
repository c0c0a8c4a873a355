import { checkVoucher, type VoucherContext } from './voucher-checks';

const ctx: VoucherContext = {
  periodStart: '2020-01-01',
  periodEnd: '2021-12-31',
  applicationReceived: '2019-11-10',
  requestDate: '2020-07-15',
  excludedCostTypes: ['fordon', 'leasing', 'eget_arbete', 'lopande_drift'],
};
const ok = {
  costType: 'externa_tjanster',
  invoiceDate: '2020-03-01',
  paymentDate: '2020-03-20',
  amountExVat: 10_000,
  vat: 2_500,
};

describe('checkVoucher', () => {
  it('passes a paid cost inside the period', () => {
    expect(checkVoucher(ok, ctx)).toEqual([]);
  });

  it('flags costs outside the project period, at each boundary', () => {
    expect(checkVoucher({ ...ok, invoiceDate: '2020-01-01' }, ctx)).toEqual([]);
    expect(checkVoucher({ ...ok, invoiceDate: '2019-12-31' }, ctx)).toEqual(['fore_projektperioden']);
    expect(
      checkVoucher(
        { ...ok, invoiceDate: '2021-12-31', paymentDate: null },
        { ...ctx, requestDate: '2022-01-10' },
      ),
    ).toEqual(['ej_betald']);
    expect(
      checkVoucher(
        { ...ok, invoiceDate: '2022-01-01', paymentDate: '2022-01-02' },
        { ...ctx, requestDate: '2022-01-10' },
      ),
    ).toEqual(['efter_projektperioden']);
  });

  it('flags costs from before or on the day the application was received', () => {
    const early = { ...ctx, periodStart: '2019-11-01' };
    expect(checkVoucher({ ...ok, invoiceDate: '2019-11-10' }, early)).toEqual(['fore_ansokan']);
    expect(checkVoucher({ ...ok, invoiceDate: '2019-11-11' }, early)).toEqual([]);
  });

  it('flags unpaid costs and costs paid after the request', () => {
    expect(checkVoucher({ ...ok, paymentDate: null }, ctx)).toEqual(['ej_betald']);
    expect(checkVoucher({ ...ok, paymentDate: '2020-07-15' }, ctx)).toEqual([]);
    expect(checkVoucher({ ...ok, paymentDate: '2020-07-16' }, ctx)).toEqual(['betald_efter_begaran']);
  });

  it('flags excluded cost types and VAT that cannot be right', () => {
    expect(checkVoucher({ ...ok, costType: 'fordon' }, ctx)).toEqual(['ej_stodberattigad_kostnadstyp']);
    expect(checkVoucher({ ...ok, costType: 'leasing' }, ctx)).toEqual(['ej_stodberattigad_kostnadstyp']);
    expect(checkVoucher({ ...ok, vat: 10_000 }, ctx)).toEqual([]);
    expect(checkVoucher({ ...ok, vat: 10_001 }, ctx)).toEqual(['moms_i_beloppet']);
  });
});
