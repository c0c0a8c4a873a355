import { placePostalCode, type UrbanArea } from './tatort';

const areas: UrbanArea[] = [
  { code: 'orebro-tatort', name: 'Örebro tätort', postalCodePrefixes: ['701', '702', '703'] },
];

describe('placePostalCode', () => {
  it('places a postal code by the prefixes of the region data, with or without a space', () => {
    expect(placePostalCode('702 10', areas)).toEqual({ inTatort: true, area: 'Örebro tätort' });
    expect(placePostalCode('70361', areas)).toEqual({ inTatort: true, area: 'Örebro tätort' });
  });

  it('leaves Vintrosa, Närkes Kil and Lindesberg outside', () => {
    for (const code of ['719 32', '719 93', '711 30'])
      expect(placePostalCode(code, areas)).toEqual({ inTatort: false, area: null });
  });

  it('places nothing inside when the region has no areas', () => {
    expect(placePostalCode('702 10', [])).toEqual({ inTatort: false, area: null });
  });
});
