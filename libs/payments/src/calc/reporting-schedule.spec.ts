import { reportingSchedule } from './reporting-schedule';

describe('reportingSchedule', () => {
  it('gives a project a progress report every six months, the first within six, and a final report', () => {
    const s = reportingSchedule('2020-01-01', '2021-12-31', { intervalMonths: 6, finalDueDays: 60 });
    expect(s).toEqual([
      {
        seq: 1,
        kind: 'lagesrapport',
        periodFrom: '2020-01-01',
        periodTo: '2020-05-31',
        dueDate: '2020-07-01',
      },
      {
        seq: 2,
        kind: 'lagesrapport',
        periodFrom: '2020-06-01',
        periodTo: '2020-11-30',
        dueDate: '2021-01-01',
      },
      {
        seq: 3,
        kind: 'lagesrapport',
        periodFrom: '2020-12-01',
        periodTo: '2021-05-31',
        dueDate: '2021-07-01',
      },
      {
        seq: 4,
        kind: 'slutrapport',
        periodFrom: '2021-06-01',
        periodTo: '2021-12-31',
        dueDate: '2022-03-01',
      },
    ]);
  });

  it('gives company support one final report when no progress reports are asked for', () => {
    expect(reportingSchedule('2020-02-01', '2020-08-31', { intervalMonths: null, finalDueDays: 30 })).toEqual(
      [
        {
          seq: 1,
          kind: 'slutrapport',
          periodFrom: '2020-02-01',
          periodTo: '2020-08-31',
          dueDate: '2020-09-30',
        },
      ],
    );
  });

  it('keeps a short project to its final report', () => {
    expect(
      reportingSchedule('2020-01-01', '2020-06-30', { intervalMonths: 6, finalDueDays: 60 }),
    ).toHaveLength(1);
    expect(
      reportingSchedule('2020-01-01', '2020-07-01', { intervalMonths: 6, finalDueDays: 60 }),
    ).toHaveLength(2);
  });
});
