import { ORG_HEADS, PLACE_HEADS } from '../lexicon.js';
import { addNames, type TaggedName } from './decode.js';
import type { NameLexicon } from './features.js';
import type { TextToken } from './tokens.js';

/**
 * The commonest family names of China (in pinyin and as Hong Kong, Taiwan and Singapore write them),
 * of the two Koreas and of Vietnam, as news writes them: first, before the given name.
 */
const FAMILY_NAMES = new Set(
  `Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng Liang Xie Song Tang
  Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu Ding Ren Shen Yao Jin Xi
  Fu Zhong Cui Wen Bo Qin Lai Kong Hou Mao Shi Yin Hao Qian Yan Fan Xue Lei Bai Qiu Qi Meng Xiong Zou Long Duan
  Chan Cheung Wong Leung Lau Tsai Chiang Chow Fung Tse Yip Tsang Kwok Hui Mak Chu Lam Ng Tan Lim Teo Goh Ong Koh
  Chua Yeo Hsu Hsieh Kuo Tsao Soong
  Kim Lee Yi Rhee Park Pak Choi Choe Jung Chung Jeong Kang Cho Jo Yoon Yun Jang Chang Im Oh Seo Suh Shin Kwon
  Hwang Ahn An Yoo Hong Jeon Chun Ko Moon Mun Son Bae Baek Paik Heo Nam Ri Ban Roh Noh Ha Kwak Sung Cha Joo
  Woo Min Ryu Na Chae Won Pyo Thae
  Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly To Truong Dinh Mai Trinh Luong Doan`.split(/\s+/),
);

/**
 * Family names that are words too, or open other names ("To Have Done", "An Khe", "Sun Belt",
 * "Long Island"): these open a person only where the tagger read a person in the words.
 */
const WORDS_TOO = new Set(
  `An To Do He Oh Ha Ma Na Son Moon Song Long Park Sun Won Ban Ho Fan Pan Tan Le Du Bo Lu Ye Yu Jo Ko Lam Chu Min
  Nam Cha Hong Jin Mai Ding Kong Lee Li Yi Lim Im Ri Su Hu Wu Shi Qi Fu Mao Bai`.split(/\s+/),
);

/**
 * One syllable of a romanised Chinese, Korean or Vietnamese given name: an opening consonant or
 * cluster (pinyin's zh, Wade-Giles' hs and ts, Korean's tense kk, Vietnamese ngh), one to three
 * vowels, and a closing n, ng, nh, ch, m, l, r or stop ("jin", "ping", "jeou", "myung", "nghia",
 * "chinh").
 */
const SYLLABLE = String.raw`(?:ngh|ng|nh|ch|tr|th|kh|ph|gh|gi|qu|zh|sh|hs|ts|tz|kk|tt|pp|ss|jj|[bcdđfghjklmnpqrstvwxyz])?[aeiouyăâêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵüāēīōū]{1,3}(?:ng|nh|ch|[nmklptgbr])?`;
/** A given name's word in small letters: one or two syllables, or two such parts hyphenated ("jinping", "ching-te", "jae-myung"). */
const GIVEN_WORD = new RegExp(`^(?:${SYLLABLE})(?:${SYLLABLE})?(?:-(?:${SYLLABLE})(?:${SYLLABLE})?)?$`, 'u');
const CAPITALISED = /^\p{Lu}/u;
/** A given name is at most three words after the family name ("Nguyen Thi Kim Ngan"). */
const MAX_GIVEN_WORDS = 3;
/** The confidence of such a name: the words say person, whatever the tagger made of them. */
const EAST_ASIAN_CONFIDENCE = 0.8;

/** A place reading at or above this is not overruled. */
const SURE_PLACE = 0.5;
const REASON = 'a person (a Chinese, Korean or Vietnamese name)';

/** Whether a word may be (part of) an East Asian given name: a place's or an organisation's head word ("Bay", "Bank") is not. */
function isGivenWord(word: string): boolean {
  const bare = word.toLowerCase();
  return CAPITALISED.test(word) && GIVEN_WORD.test(bare) && !PLACE_HEADS.has(bare) && !ORG_HEADS.has(bare);
}

/**
 * "Kim Jong Un", "Xi Jinping", "Lai Ching-te", "Nguyen Phu Trong": a name of China, Korea or Vietnam
 * is the family name first, then a given name of one or two syllables per word, which the tagger,
 * trained on Western names, doubts or misreads ("Kim Jong Un" an organisation at 63%, its "Un" taken
 * for the UN; "Nguyen Phu Trong" a person at 25%, "Park Geun-hye" at 31%). A run of capitalised words
 * that opens with such a family name and holds only such syllables after it (one to three words, no
 * capitalised word after them) is a person: read as one, surely; read as something else, or in part,
 * one person. Not where the gazetteer names a place so ("Hong Kong", "Dong Nai") or the lexicons an
 * organisation ("Shin Bet"), nor a place the tagger is sure of, nor in a line in capitals, nor over
 * a name that runs past the words or that the analyst decided; a family name that is a word too
 * ("To", "Park") only where the tagger read a person. Changes `names` in place.
 */
export function eastAsianPeople(names: TaggedName[], sentence: readonly TextToken[], lexicon: NameLexicon, isOrganisation: (name: string) => boolean): void {
  const added: TaggedName[] = [];
  for (let from = 0; from < sentence.length; from++) {
    if (!FAMILY_NAMES.has(sentence[from]!.text)) continue;
    let to = from;
    while (to - from < MAX_GIVEN_WORDS && to + 1 < sentence.length && isGivenWord(sentence[to + 1]!.text) && sentence[to + 1]!.start - sentence[to]!.end === 1) to++;
    if (to === from) continue;
    // "Sun Yat-sen University", "Ha Long Bay": a longer name holds these words.
    if (CAPITALISED.test(sentence[to + 1]?.text ?? '') || (from > 0 && CAPITALISED.test(sentence[from - 1]!.text) && !sentence[from - 1]!.text.endsWith('.') && isGivenWord(sentence[from - 1]!.text))) continue;
    const words = sentence.slice(from, to + 1).map((t) => t.text);
    if (lexicon.place(words.join(' ')) || isOrganisation(words.join(' '))) continue;
    const over = names.filter((n) => n.from <= to && n.to >= from);
    if (over.some((n) => n.remembered || n.from < from || n.to > to)) continue;
    if (WORDS_TOO.has(words[0]!) && !over.some((n) => n.type === 'PER')) continue;
    // A river or town the gazetteer lacks, read surely as a place ("Huang He"), stays one.
    if (over.some((n) => n.type === 'LOC' && n.confidence >= SURE_PLACE)) continue;
    const same = over.length === 1 && over[0]!.from === from && over[0]!.to === to ? over[0]! : null;
    if (same?.type === 'PER') {
      if (same.confidence >= EAST_ASIAN_CONFIDENCE) continue;
      same.confidence = EAST_ASIAN_CONFIDENCE;
      same.reason = REASON;
    } else {
      for (const n of over) names.splice(names.indexOf(n), 1);
      added.push({ from, to, type: 'PER', confidence: EAST_ASIAN_CONFIDENCE, remembered: false, reason: REASON });
    }
    from = to;
  }
  addNames(names, added);
}
