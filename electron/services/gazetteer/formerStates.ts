/**
 * Countries and states as they were. Archives and background paragraphs name them ("the Soviet
 * invasion of Afghanistan", "Ceylon's tea estates"), and none of the sources we ship has them: such a
 * name was found but never placed. GeoNames' unfiltered historic names stay out (the issue asks for
 * those only where the analyst asks); these are a short list of states, each unmistakable.
 */

/**
 * Former names of a country that is the same land today, by its ISO code: names of the country
 * itself. A name another place bears today is left out: Formosa (an Argentine province), the Gold
 * Coast (Australia's), Tanganyika (a Congolese province), Macedonia (a Greek region).
 */
export const FORMER_COUNTRY_NAMES: Record<string, string[]> = {
  AE: ['Trucial States'],
  BD: ['East Pakistan'],
  BF: ['Upper Volta'],
  BJ: ['Dahomey'],
  BW: ['Bechuanaland'],
  BY: ['Byelorussia', 'Belorussia'],
  BZ: ['British Honduras'],
  CD: ['Zaire', 'Zaïre', 'Republic of Zaire'],
  EH: ['Spanish Sahara'],
  ET: ['Abyssinia'],
  IR: ['Persia'],
  KH: ['Kampuchea', 'Khmer Republic'],
  LK: ['Ceylon'],
  LS: ['Basutoland'],
  MG: ['Malagasy Republic'],
  MW: ['Nyasaland'],
  SR: ['Dutch Guiana'],
  TH: ['Siam'],
  TV: ['Ellice Islands'],
  VU: ['New Hebrides'],
  ZM: ['Northern Rhodesia'],
  ZW: ['Rhodesia', 'Southern Rhodesia'],
};

export interface FormerState {
  names: string[];
  /** Written in capitals, found only as such ("USSR", "GDR"). */
  abbreviations: string[];
  /** Today's countries (ISO codes) or provinces (GeoNames admin1 codes) that made it. */
  parts: string[];
}

/**
 * States that split or merged, by the countries or provinces that were theirs: each is placed where
 * the people of its parts live today and shown as a former state. Berlin, both halves of it, counts
 * with East Germany, whose capital its east was.
 */
export const FORMER_STATES: FormerState[] = [
  {
    names: ['Soviet Union', 'the Soviet Union', 'Union of Soviet Socialist Republics'],
    abbreviations: ['USSR', 'U.S.S.R.'],
    parts: ['RU', 'UA', 'BY', 'MD', 'EE', 'LV', 'LT', 'GE', 'AM', 'AZ', 'KZ', 'UZ', 'TM', 'KG', 'TJ'],
  },
  { names: ['Yugoslavia', 'Socialist Federal Republic of Yugoslavia'], abbreviations: [], parts: ['SI', 'HR', 'BA', 'RS', 'ME', 'MK', 'XK'] },
  { names: ['Czechoslovakia'], abbreviations: [], parts: ['CZ', 'SK'] },
  { names: ['East Germany', 'German Democratic Republic'], abbreviations: ['GDR'], parts: ['DE.11', 'DE.12', 'DE.13', 'DE.14', 'DE.15', 'DE.16'] },
  { names: ['West Germany'], abbreviations: [], parts: ['DE.01', 'DE.02', 'DE.03', 'DE.04', 'DE.05', 'DE.06', 'DE.07', 'DE.08', 'DE.09', 'DE.10'] },
];
