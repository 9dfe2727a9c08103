/**
 * The sample table the Snowflake-Labs async_job template reads,
 * GOOGLE_REVIEWS.GOOGLE_REVIEWS.SAMPLE_REVIEWS: generated reviews of local businesses with mixed
 * sentiment and a star rating that agrees with it. Generation is seeded, so every warehouse gets
 * the same rows and the same REVIEW_HASH ids.
 */
import { createHash } from 'node:crypto';
import { sqlStringLiteral } from '@/lib/domain/sql/literals';

export const SAMPLE_REVIEWS_TABLE = 'GOOGLE_REVIEWS.GOOGLE_REVIEWS.SAMPLE_REVIEWS';
export const SAMPLE_REVIEW_COUNT = 120;

export interface SampleReview {
  REVIEW_HASH: string;
  REVIEW_TEXT: string;
  RATING: number;
}

interface Business {
  kind: string;
  name: string;
  items: string[];
  staff: string;
}

const BUSINESSES: Business[] = [
  { kind: 'restaurant', name: 'Luigi’s Trattoria', items: ['carbonara', 'margherita pizza', 'tiramisu', 'lasagna'], staff: 'waiter' },
  { kind: 'cafe', name: 'Bean There', items: ['flat white', 'banana bread', 'oat latte', 'breakfast bagel'], staff: 'barista' },
  { kind: 'hotel', name: 'Harbor View Inn', items: ['room', 'breakfast buffet', 'bed', 'pool'], staff: 'receptionist' },
  { kind: 'dental clinic', name: 'Bright Smile Dental', items: ['cleaning', 'filling', 'check-up', 'whitening'], staff: 'hygienist' },
  { kind: 'garage', name: 'Eastside Auto Repair', items: ['brake job', 'oil change', 'tire rotation', 'inspection'], staff: 'mechanic' },
  { kind: 'hair salon', name: 'Shear Genius', items: ['haircut', 'color', 'blow-dry', 'beard trim'], staff: 'stylist' },
  { kind: 'gym', name: 'Iron Works Fitness', items: ['spin class', 'weights area', 'locker room', 'yoga class'], staff: 'trainer' },
  { kind: 'bakery', name: 'Golden Crust Bakery', items: ['sourdough', 'croissants', 'cinnamon rolls', 'birthday cake'], staff: 'baker' },
  { kind: 'bookstore', name: 'Chapter & Verse', items: ['poetry section', 'kids corner', 'used books', 'coffee bar'], staff: 'clerk' },
  { kind: 'pharmacy', name: 'Main Street Pharmacy', items: ['prescription', 'flu shot', 'refill', 'pickup counter'], staff: 'pharmacist' },
  { kind: 'vet clinic', name: 'Paws & Claws Vet', items: ['vaccination', 'dental cleaning', 'checkup', 'surgery'], staff: 'vet' },
  { kind: 'sushi bar', name: 'Kaito Sushi', items: ['salmon nigiri', 'dragon roll', 'miso soup', 'omakase'], staff: 'chef' },
];

type Slots = (business: Business, item: string) => string;

const OPENINGS: Record<number, Slots[]> = {
  5: [
    (b) => `Absolutely loved ${b.name}!`,
    (b) => `Best ${b.kind} in town, hands down.`,
    (b) => `What a fantastic experience at ${b.name}.`,
    (b) => `${b.name} never disappoints.`,
    () => `Five stars, and I wish I could give more.`,
    (b) => `I have been coming to ${b.name} for years and it is still excellent.`,
  ],
  4: [
    (b) => `Really good ${b.kind} with a friendly team.`,
    (b) => `${b.name} is a solid choice.`,
    () => `Very pleasant visit overall.`,
    (b) => `Good experience at ${b.name} this week.`,
    (b) => `We enjoyed our visit to ${b.name}.`,
  ],
  3: [
    (b) => `${b.name} is okay, nothing special.`,
    () => `Mixed feelings about this one.`,
    (b) => `An average ${b.kind}.`,
    () => `Some things were good, some were not.`,
    (b) => `It was a decent visit to ${b.name}, with a few problems.`,
  ],
  2: [
    (b) => `Disappointing visit to ${b.name}.`,
    () => `Not what I expected from the reviews.`,
    (b) => `${b.name} has gone downhill.`,
    () => `Pretty poor experience, unfortunately.`,
    (b) => `I was let down by ${b.name} this time.`,
  ],
  1: [
    (b) => `Terrible experience at ${b.name}.`,
    (b) => `Worst ${b.kind} I have ever been to.`,
    () => `Avoid this place.`,
    () => `Absolutely awful from start to finish.`,
    (b) => `Stay away from ${b.name}.`,
  ],
};

const BODY: Record<'good' | 'bad' | 'neutral', Slots[]> = {
  good: [
    (_, i) => `The ${i} was perfect.`,
    (b) => `Our ${b.staff} was friendly, patient and very professional.`,
    (_, i) => `The ${i} was excellent and fairly priced.`,
    () => `Everything was spotless and the atmosphere was relaxing.`,
    (b) => `The ${b.staff} went above and beyond to help us.`,
    (_, i) => `I would highly recommend the ${i}.`,
    () => `They were quick, efficient and kind.`,
    (_, i) => `The ${i} was delicious, fresh and beautifully done.`,
    () => `Great value for the money.`,
    () => `Booking was easy and we were seen right on time.`,
  ],
  bad: [
    (_, i) => `The ${i} was a disaster.`,
    (b) => `The ${b.staff} was rude and dismissive.`,
    () => `We waited over an hour and nobody apologized.`,
    (_, i) => `The ${i} was overpriced and mediocre.`,
    () => `The place was dirty and smelled bad.`,
    () => `They got my order wrong twice.`,
    (_, i) => `The ${i} was a complete waste of money.`,
    (b) => `Nobody at the front desk seemed to care, and the ${b.staff} ignored us.`,
    () => `I was overcharged and they refused a refund.`,
    () => `The service was painfully slow and disorganized.`,
  ],
  neutral: [
    () => `I went on a Tuesday afternoon with my sister.`,
    (_, i) => `We came in for the ${i}.`,
    () => `Parking is available behind the building.`,
    () => `It is right next to the bus stop, about 5 min. from downtown.`,
    () => `They open at 9 a.m. on weekdays.`,
    (_, i) => `The ${i} costs about $24.50.`,
  ],
};

const CLOSINGS: Record<number, Slots[]> = {
  5: [() => `Will definitely be back!`, () => `Highly recommended.`, () => `Can't wait to come back.`],
  4: [() => `I would recommend it.`, () => `We will return.`, () => `Worth a visit.`],
  3: [() => `Might come back, might not.`, () => `It was fine, I guess.`, () => `Could be better.`],
  2: [() => `Probably not coming back.`, () => `Not worth the price.`, () => `Sadly, I expected better.`],
  1: [() => `Never again.`, () => `Zero stars if I could.`, () => `Total rip off.`],
};

// How each rating's body mixes sentence kinds: a 4-star review may carry a complaint, a 2-star a compliment.
const BODY_MIX: Record<number, ('good' | 'bad' | 'neutral')[]> = {
  5: ['good', 'good', 'good', 'neutral'],
  4: ['good', 'good', 'neutral'],
  3: ['good', 'bad', 'neutral'],
  2: ['bad', 'bad', 'neutral'],
  1: ['bad', 'bad', 'bad', 'neutral'],
};

// Google reviews lean positive, with a long tail of angry one-star reviews.
const RATING_WEIGHTS: [number, number][] = [[5, 0.32], [4, 0.22], [3, 0.14], [2, 0.12], [1, 0.2]];

/** mulberry32: a tiny seeded PRNG, so the sample is identical on every machine. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function pickRating(random: () => number): number {
  let r = random();
  for (const [rating, weight] of RATING_WEIGHTS) {
    if ((r -= weight) < 0) return rating;
  }
  return 1;
}

function composeReview(random: () => number, rating: number): string {
  const business = pick(random, BUSINESSES);
  const item = () => pick(random, business.items);
  const sentenceCount = 1 + Math.floor(random() * 5);
  const sentences = [pick(random, OPENINGS[rating])(business, item())];
  const bodyCount = Math.max(0, sentenceCount - 2);
  for (let i = 0; i < bodyCount; i++) sentences.push(pick(random, BODY[pick(random, BODY_MIX[rating])])(business, item()));
  if (sentenceCount >= 2) sentences.push(pick(random, CLOSINGS[rating])(business, item()));
  return sentences.join(' ');
}

export function reviewHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The sample rows, always the same ones in the same order. */
export function generateSampleReviews(count = SAMPLE_REVIEW_COUNT, seed = 20_240_601): SampleReview[] {
  const random = seededRandom(seed);
  const seen = new Set<string>();
  const reviews: SampleReview[] = [];
  while (reviews.length < count) {
    const rating = pickRating(random);
    const text = composeReview(random, rating);
    if (seen.has(text)) continue;
    seen.add(text);
    reviews.push({ REVIEW_HASH: reviewHash(text), REVIEW_TEXT: text, RATING: rating });
  }
  return reviews;
}

/** The SQL that creates the sample table with its rows; running it again leaves the same table. */
export function sampleReviewsStatements(reviews: readonly SampleReview[] = generateSampleReviews()): string[] {
  const values = reviews
    .map((r) => `(${sqlStringLiteral(r.REVIEW_HASH)}, ${sqlStringLiteral(r.REVIEW_TEXT)}, ${r.RATING})`)
    .join(',\n  ');
  return [
    'CREATE DATABASE IF NOT EXISTS GOOGLE_REVIEWS',
    'CREATE SCHEMA IF NOT EXISTS GOOGLE_REVIEWS.GOOGLE_REVIEWS',
    `CREATE OR REPLACE TABLE ${SAMPLE_REVIEWS_TABLE} (REVIEW_HASH VARCHAR, REVIEW_TEXT VARCHAR, RATING INTEGER)`,
    `INSERT INTO ${SAMPLE_REVIEWS_TABLE} (REVIEW_HASH, REVIEW_TEXT, RATING) VALUES\n  ${values}`,
  ];
}
