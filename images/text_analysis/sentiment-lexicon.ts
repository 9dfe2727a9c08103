/**
 * A compact English sentiment lexicon tuned for reviews of shops, restaurants and services.
 * Weights run from -3 (strongly negative) to +3 (strongly positive), on the scale of VADER's
 * lexicon; inflections are listed rather than stemmed so "loved" and "lovely" keep their own weight.
 */

const WEIGHTED_WORDS: Record<number, string> = {
  3: `amazing awesome excellent exceptional outstanding superb fantastic fabulous wonderful perfect
    perfection phenomenal incredible brilliant magnificent stellar spectacular flawless love loved
    loves best delightful divine exquisite impeccable terrific marvelous marvellous heavenly
    mouthwatering gem`,
  2: `good great nice lovely pleasant friendly helpful delicious tasty yummy fresh clean cozy cosy
    comfortable happy glad pleased enjoy enjoyed enjoying enjoyable recommend recommended
    recommending beautiful gorgeous attentive welcoming warm courteous polite professional
    knowledgeable efficient fast quick prompt reliable reasonable affordable fair generous
    spacious charming favorite favourite favourites favorites satisfied impressed impressive
    thorough patient kind caring accommodating fun cool smooth easy flavorful flavourful juicy
    crispy tender worth worthwhile value bargain quality skilled talented relaxing peaceful
    spotless tidy stunning pleasure thank thanks grateful thankful helpfulness recommendable
    liked loving sweet solid superior well-made wow`,
  1: `ok okay decent adequate acceptable fine interesting convenient clear calm modern bright
    better improved improvement correct safe simple standard willing ready available
    accurate honest genuine authentic plenty enough respectful responsive organized organised
    satisfying`,
  [-1]: `slow expensive pricey overpriced small noisy loud crowded busy cold bland dry odd weird
    average mediocre confusing confused limited lacking lacks lacked wait waited waiting late
    delay delayed delays long forgot forgotten mistake mistakes wrong issue issues problem
    problems hard difficult unclear missing messy cramped outdated dated stale greasy salty soggy
    tough chewy lukewarm meh sadly unfortunately annoying annoyed boring complaint complain
    complained`,
  [-2]: `bad poor disappoint disappoints unfriendly unhelpful rude dirty disappointing disappointed disappointment
    unprofessional sloppy careless ignored ignoring dismissive frustrating frustrated worse
    broken damaged overcooked undercooked raw burnt burned inedible unacceptable uncomfortable
    unpleasant unreliable incompetent useless waste wasted sick ill avoid regret refund
    overcharged overcharging scam dishonest stained smelly smelled smells stink stinks sticky
    filthy gross nasty arrogant condescending cancelled canceled upset angry fail failed fails
    failure sad sorry hate lousy cockroach cockroaches bug bugs mold mouldy moldy`,
  [-3]: `terrible horrible awful worst disgusting horrendous atrocious appalling abysmal dreadful
    pathetic hated hates disgusted unsanitary nightmare ripoff rip-off robbery fraud poisoning
    vomit vomiting insulting unbearable`,
};

/** Sentiment weight of each word. */
export const LEXICON: ReadonlyMap<string, number> = new Map(
  Object.entries(WEIGHTED_WORDS).flatMap(([weight, list]) =>
    list.split(/\s+/).filter(Boolean).map((word) => [word, Number(weight)] as const),
  ),
);

/** Multi-word expressions whose sentiment differs from their words'; matched before single words. */
export const PHRASES: ReadonlyMap<string, number> = new Map([
  ['highly recommend', 3],
  ['highly recommended', 3],
  ['must try', 2],
  ['will be back', 2],
  ['will definitely be back', 3],
  ['will return', 2],
  ['come back again', 2],
  ['five stars', 3],
  ['5 stars', 3],
  ['one star', -2],
  ['1 star', -2],
  ['zero stars', -3],
  ['well worth', 2],
  ['not worth', -2],
  ['waste of time', -3],
  ['waste of money', -3],
  ['rip off', -3],
  ['ripped off', -3],
  ['never again', -3],
  ['never coming back', -3],
  ['never going back', -3],
  ['stay away', -3],
  ['run away', -2],
  ['no one', -1],
  ['fell apart', -2],
  ['let down', -2],
  ['let me down', -2],
  ['let us down', -2],
  ['went downhill', -2],
  ['gone downhill', -2],
  ['food poisoning', -3],
  ['long wait', -2],
  ['over priced', -1],
  ['top notch', 3],
  ['on point', 2],
  ['spot on', 2],
  ['above and beyond', 3],
  ['second to none', 3],
  ['hit the spot', 2],
  ['not bad', 1],
  ['no complaints', 2],
  ['no problem', 1],
  ['no issues', 2],
  ['could be better', -1],
  ['could have been better', -1],
]);

/** Words that strengthen (> 1) or soften (< 1) the sentiment word that follows them. */
export const INTENSIFIERS: ReadonlyMap<string, number> = new Map([
  ['very', 1.3], ['really', 1.3], ['so', 1.3], ['extremely', 1.5], ['incredibly', 1.5],
  ['absolutely', 1.5], ['totally', 1.4], ['completely', 1.4], ['utterly', 1.5], ['super', 1.4],
  ['truly', 1.3], ['exceptionally', 1.5], ['remarkably', 1.4], ['particularly', 1.2], ['too', 1.2],
  ['most', 1.2], ['quite', 1.1], ['pretty', 1.1], ['insanely', 1.5], ['ridiculously', 1.5],
  ['slightly', 0.6], ['somewhat', 0.6], ['kinda', 0.6], ['fairly', 0.8], ['little', 0.7],
  ['barely', 0.5], ['marginally', 0.5], ['mildly', 0.6], ['rather', 0.9], ['bit', 0.7],
]);

/** Words that reverse the sentiment of a word within the next few. */
export const NEGATIONS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'none', 'nothing', 'nobody', 'nowhere', 'neither', 'nor', 'without',
  'hardly', 'cannot', "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't", "didn't",
  "won't", "wouldn't", "can't", "couldn't", "shouldn't", "haven't", "hasn't", "hadn't", "ain't",
  'isnt', 'wasnt', 'dont', 'doesnt', 'didnt', 'wont', 'wouldnt', 'cant', 'couldnt',
]);

/** Words after which the rest of the sentence carries the writer's real verdict. */
export const CONTRASTS: ReadonlySet<string> = new Set(['but', 'however']);
