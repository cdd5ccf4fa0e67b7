import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/analysis/classify';
import { NO_DATA_COLOR, classColors, classificationColors, divergingColors, kindColors } from '../../../src/map/palette';

const directions = ['higher_worse', 'higher_better', 'neutral'] as const;

describe('diverging palettes', () => {
  it('gives one distinct colour per class for 1 to 13 classes, never the no-data grey', () => {
    for (let k = 1; k <= 13; k++) {
      for (const direction of directions) {
        const colours = divergingColors(k, direction);
        expect(colours).toHaveLength(k);
        expect(new Set(colours).size).toBe(k);
        expect(colours).not.toContain(NO_DATA_COLOR);
      }
    }
    expect(divergingColors(0, 'neutral')).toEqual([]);
  });

  it('uses ColorBrewer RdBu with red for need, PuOr for neutral indicators', () => {
    expect(divergingColors(6, 'higher_worse')).toEqual(['#2166ac', '#67a9cf', '#d1e5f0', '#fddbc7', '#ef8a62', '#b2182b']);
    expect(divergingColors(6, 'higher_better')).toEqual(['#b2182b', '#ef8a62', '#fddbc7', '#d1e5f0', '#67a9cf', '#2166ac']);
    expect(divergingColors(5, 'neutral')[2]).toBe('#f7f7f7');
    expect(divergingColors(5, 'neutral')).not.toEqual(divergingColors(5, 'higher_better'));
  });
});

describe('colours by class kind', () => {
  it('keeps each box-map category on its colour when a tied category is dropped', () => {
    const six = divergingColors(6, 'higher_worse');
    expect(kindColors(['lower_outlier', 'q1', 'q2', 'q3', 'q4', 'upper_outlier'], 'higher_worse')).toEqual(six);
    expect(kindColors(['lower_outlier', 'q1', 'q3', 'q4', 'upper_outlier'], 'higher_worse')).toEqual([six[0], six[1], six[3], six[4], six[5]]);
  });

  it('centres standard-deviation classes on the mean, the same lightness at the same distance', () => {
    const colours = kindColors(['below_mean', 'below_mean', 'above_mean', 'above_mean', 'above_mean', 'above_mean'], 'higher_worse');
    const eight = divergingColors(8, 'higher_worse');
    expect(colours).toEqual(eight.slice(2));
    // One class either side of the mean: the 2-class diverging pair.
    expect(kindColors(['below_mean', 'above_mean'], 'higher_worse')).toEqual(divergingColors(2, 'higher_worse'));
  });

  it('chooses kind colours for box and sd maps and sequential colours otherwise', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 40];
    const box = classify(values, { scheme: 'box' });
    expect(classificationColors(box, 'higher_worse')).toEqual(kindColors(box.kinds!, 'higher_worse'));
    const quantile = classify(values, { scheme: 'quantile', classes: 4 });
    expect(classificationColors(quantile, 'higher_worse')).toEqual(classColors(4, 'higher_worse'));
    const sd = classify(values, { scheme: 'sd', classes: 5 });
    const colours = classificationColors(sd, 'higher_better');
    expect(colours).toHaveLength(sd.counts.length);
    expect(new Set(colours).size).toBe(colours.length);
  });
});
