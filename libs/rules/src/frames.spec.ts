import { frameOf, frameStatus } from './frames';
import { firmCase, kr, projectCase, ruleSet2019 } from './spec-fixtures';

const rs = ruleSet2019();
const line = (status: ReturnType<typeof frameStatus>, code: string) =>
  status.lines.find((l) => l.code === code);

describe('frameStatus: indicative frames are flagged, never refused', () => {
  it('reports indicative, granted, proposed and left per frame', () => {
    const s = frameStatus(
      rs,
      { frames: { projekt: 20_000_000, foretagsstod: 3_586_849 } },
      { frame: 'projekt', amount: 432_000 },
    );
    expect(line(s, 'projekt')).toMatchObject({
      indicative: 25_520_000,
      granted: 20_000_000,
      proposed: 432_000,
      left: 5_088_000,
      overdrawn: false,
      reason: null,
      ref: 'Inriktningsbeslut 2019, Fördelning av anslaget',
    });
    expect(line(s, 'foretagsstod')).toMatchObject({ indicative: 13_333_000, left: 9_746_151 });
    expect(line(s, 'uppfoljning')).toMatchObject({ binding: 'hogst', left: 1_000_000 });
    expect(s.overdrawn).toBe(false);
  });

  it('reaches a frame exactly without flagging, and flags one krona more', () => {
    const at = frameStatus(rs, { frames: { projekt: 25_000_000 } }, { frame: 'projekt', amount: 520_000 });
    expect(line(at, 'projekt')).toMatchObject({ left: 0, overdrawn: false });
    const over = frameStatus(rs, { frames: { projekt: 25_000_000 } }, { frame: 'projekt', amount: 520_001 });
    expect(over.overdrawn).toBe(true);
    expect(line(over, 'projekt')).toMatchObject({ left: -1, overdrawn: true });
    expect(over.reasons).toEqual([
      `Ramen för regionala utvecklingsprojekt (indikativt ${kr('25 520 000')}) överskrids med ${kr('1')}. Fördelningen är indikativ och kan justeras under året; beslutet hindras inte.`,
    ]);
  });

  it('flags the follow-up frame as a stated maximum', () => {
    const s = frameStatus(rs, { frames: { uppfoljning: 1_000_001 } });
    expect(s.reasons[0]).toContain(`högst ${kr('1 000 000')}`);
  });

  it('tracks optional sub-frames per aid form', () => {
    const withSub = structuredClone(rs);
    withSub.frames.foretagsstod.aidForms = { mikrobidrag: 500_000 };
    const s = frameStatus(
      withSub,
      { aidForms: { mikrobidrag: 480_000 } },
      { frame: 'foretagsstod', aidForm: 'mikrobidrag', amount: 30_000 },
    );
    expect(line(s, 'mikrobidrag')).toMatchObject({
      scope: 'aid_form',
      frame: 'foretagsstod',
      left: -10_000,
      overdrawn: true,
    });
    expect(line(s, 'foretagsstod')).toMatchObject({ overdrawn: false, proposed: 30_000 });
    expect(s.reasons[0]).toContain('Delramen för Mikrobidrag');
  });

  it('finds the frame a case draws from', () => {
    expect(frameOf(projectCase(), rs)).toEqual({ frame: 'projekt', aidForm: null });
    expect(frameOf(firmCase(), rs)).toEqual({ frame: 'foretagsstod', aidForm: 'mikrobidrag' });
    expect(frameOf(firmCase({ aidForm: 'okand' }), rs)).toBeNull();
  });
});
