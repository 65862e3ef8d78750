/**
 * The one place where the documents' units become the map's: capacities in MW, areas in km², shares in %.
 * 1 万千瓦 = 10⁴ kW = 10 MW; 1 亿千瓦 = 10⁸ kW = 100,000 MW; 1 万公顷 = 10⁴ ha = 100 km²;
 * 1 万亩 = 10⁴ mu = 10⁴/15 ha = 6.667 km² (1 亩 = 666.67 m²); 1 平方公里 = 1 km².
 */
const conversions: Record<string, { unit: string; factor: number }> = {
  '万千瓦': { unit: 'MW', factor: 10 },
  '亿千瓦': { unit: 'MW', factor: 100_000 },
  '万公顷': { unit: 'km²', factor: 100 },
  '万亩': { unit: 'km²', factor: 10_000 / 15 / 100 },
  '平方公里': { unit: 'km²', factor: 1 },
  '%': { unit: '%', factor: 1 },
};

/** A document figure in the map's unit, or null when its unit has no map counterpart. */
export function toMapUnit(value: number, unit: string): { value: number; unit: string } | null {
  const conversion = conversions[unit];
  // toPrecision drops binary noise such as 26.23 x 100 = 2623.0000000000005.
  return conversion ? { value: Number((value * conversion.factor).toPrecision(12)), unit: conversion.unit } : null;
}
