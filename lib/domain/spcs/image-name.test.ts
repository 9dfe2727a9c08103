import { describe, expect, it } from 'vitest';
import { localImageKey } from './image-name';

describe('localImageKey', () => {
  it.each([
    ['/db/schema/repo/Text-Analysis:latest', 'text_analysis'],
    ['org-acct.registry.snowflakecomputing.com/db/schema/repo/text_analysis:1.2', 'text_analysis'],
    ['localhost:5000/tools/general-image', 'general_image'],
    ['/db/s/r/img@sha256:0123abcd', 'img'],
    ['/db/s/r/img:v1@sha256:0123abcd', 'img'],
    ['  busybox  ', 'busybox'],
    ['/db/s/r/', ''],
  ])('%s → %s', (image, key) => {
    expect(localImageKey(image)).toBe(key);
  });
});
