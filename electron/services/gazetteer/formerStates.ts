/**
 * Countries, states and provinces as they were. Archives and background paragraphs name them ("the
 * Soviet invasion of Afghanistan", "Ceylon's tea estates", "Nyanza Province", "Quang Nam"), and none
 * of the sources we ship has them: such a name was found but never placed. GeoNames' unfiltered
 * historic names stay out (the issue asks for those only where the analyst asks); these are short
 * lists, each name unmistakable.
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

/**
 * Provinces a reform abolished, by the provinces (GeoNames admin1 codes) that divide their land
 * today: Kenya's eight provinces gave way to its 47 counties in 2013, and a decade of news and
 * reports names them. Nairobi, a province then, is a county of the same name now. Only the names
 * with "Province" are kept where the bare one is a compass word or a common noun.
 */
export const FORMER_PROVINCES: { names: string[]; parts: string[] }[] = [
  { names: ['Coast Province'], parts: ['KE.37', 'KE.28', 'KE.23', 'KE.48', 'KE.30', 'KE.47'] },
  { names: ['North Eastern Province', 'North-Eastern Province', 'Northeastern Province'], parts: ['KE.16', 'KE.54', 'KE.33'] },
  { names: ['Eastern Province'], parts: ['KE.34', 'KE.18', 'KE.35', 'KE.49', 'KE.15', 'KE.27', 'KE.31', 'KE.32'] },
  { names: ['Central Province'], parts: ['KE.43', 'KE.44', 'KE.24', 'KE.38', 'KE.22'] },
  {
    names: ['Rift Valley Province', 'Rift Valley'],
    parts: ['KE.51', 'KE.55', 'KE.45', 'KE.50', 'KE.52', 'KE.14', 'KE.40', 'KE.10', 'KE.29', 'KE.39', 'KE.41', 'KE.19', 'KE.21', 'KE.11'],
  },
  { names: ['Western Province'], parts: ['KE.20', 'KE.53', 'KE.12', 'KE.13'] },
  { names: ['Nyanza Province', 'Nyanza'], parts: ['KE.46', 'KE.26', 'KE.17', 'KE.36', 'KE.25', 'KE.42'] },
];

/**
 * Provinces merged into others, under the GeoNames code they had: the 29 of Vietnam's 63 provinces
 * that the reform of 1 July 2025 merged into neighbours (Quảng Nam into Da Nang, Bình Dương and Bà
 * Rịa–Vũng Tàu into Ho Chi Minh City), which nearly all news about Vietnam names, and the eight
 * Norwegian counties merged in 2020 (Hordaland and Sogn og Fjordane into Vestland). Each is placed by
 * its towns where cities500 still codes towns by it (Vietnam's), else at Natural Earth's point for
 * the code (Norway's, older than cities500's codes), under GeoNames' id for it, which Natural
 * Earth's record carries (see readAdmin1Points).
 */
export const MERGED_PROVINCES: { code: string; name: string }[] = [
  { code: 'VN.50', name: 'Hà Giang' }, { code: 'VN.70', name: 'Yên Bái' }, { code: 'VN.72', name: 'Bắc Kạn' },
  { code: 'VN.86', name: 'Vĩnh Phúc' }, { code: 'VN.53', name: 'Hòa Bình' }, { code: 'VN.71', name: 'Bắc Giang' },
  { code: 'VN.35', name: 'Thái Bình' }, { code: 'VN.79', name: 'Hải Dương' }, { code: 'VN.80', name: 'Hà Nam' },
  { code: 'VN.82', name: 'Nam Định' }, { code: 'VN.62', name: 'Quảng Bình' }, { code: 'VN.84', name: 'Quảng Nam' },
  { code: 'VN.55', name: 'Kon Tum' }, { code: 'VN.46', name: 'Bình Định' }, { code: 'VN.60', name: 'Ninh Thuận' },
  { code: 'VN.91', name: 'Đắk Nông' }, { code: 'VN.47', name: 'Bình Thuận' }, { code: 'VN.61', name: 'Phú Yên' },
  { code: 'VN.75', name: 'Bình Dương' }, { code: 'VN.45', name: 'Bà Rịa–Vũng Tàu' }, { code: 'VN.76', name: 'Bình Phước' },
  { code: 'VN.24', name: 'Long An' }, { code: 'VN.65', name: 'Sóc Trăng' }, { code: 'VN.93', name: 'Hậu Giang' },
  { code: 'VN.03', name: 'Bến Tre' }, { code: 'VN.67', name: 'Trà Vinh' }, { code: 'VN.37', name: 'Tiền Giang' },
  { code: 'VN.73', name: 'Bạc Liêu' }, { code: 'VN.21', name: 'Kiên Giang' },
  { code: 'NO.02', name: 'Aust-Agder' }, { code: 'NO.19', name: 'Vest-Agder' }, { code: 'NO.06', name: 'Hedmark' },
  { code: 'NO.11', name: 'Oppland' }, { code: 'NO.07', name: 'Hordaland' }, { code: 'NO.15', name: 'Sogn og Fjordane' },
  { code: 'NO.16', name: 'Sør-Trøndelag' }, { code: 'NO.10', name: 'Nord-Trøndelag' },
];
