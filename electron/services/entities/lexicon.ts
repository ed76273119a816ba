/**
 * Word lists the extractor reasons with. They describe how English news names things (titles,
 * organisation heads, cue words), not any one article.
 */

/** Function words and sentence openers: capitalised only because a sentence starts with them. */
export const STOPWORDS = new Set(
  `a an the and or but nor so yet for of in on at to from by with without into onto over under after before
  during since until while as if when where why how what which who whom whose that this these those there here
  it its he she they we you i me him her them us our their his my your one some many most more much few several
  all any each every both either neither no not only also even still just often already meanwhile however
  although though because according again later earlier then now today yesterday tomorrow last next first
  such other another own same about around across against along among between beyond near outside inside
  within upon via per despite amid amidst toward towards unlike like once twice very too quite rather
  is are was were be been being has have had do does did will would shall should can could may might must
  said says say told tells asked added reported according following`.split(/\s+/),
);

/** Titles before a name: "President Biden", "Gen. Austin Miller". */
export const TITLES = new Set(
  `president vice prime minister general gen lieutenant lt colonel col major maj captain capt sergeant sgt
  admiral adm commander cmdr mr mrs ms miss dr prof professor sheikh shaikh mullah maulvi maulana imam ayatollah
  governor gov senator sen rep representative congressman congresswoman king queen prince princess emir sultan
  pope bishop archbishop rabbi judge justice ambassador secretary speaker chairman chairwoman mayor deputy
  chancellor marshal field spokesman spokeswoman mp commissioner director chief sir lord lady dame saint st`.split(/\s+/),
);

/** "X, a spokesman for …", "X, the MP for …": the noun after the comma says X is a person. */
export const PERSON_ROLES = new Set(
  `member spokesman spokeswoman spokesperson mp minister governor commander leader official resident chief head
  director president senator analyst professor journalist reporter correspondent deputy lawmaker legislator
  mayor general colonel captain officer soldier fighter farmer shopkeeper doctor nurse teacher student activist
  researcher expert adviser advisor envoy ambassador diplomat negotiator representative councillor councilor
  elder cleric imam mullah witness survivor victim father mother son daughter brother sister wife husband
  author writer founder owner chairman ceo lawyer judge prosecutor police policeman worker driver nominee candidate`.split(/\s+/),
);

/**
 * Roles in sport before a player's name ("Defender Hassan Abbas", "Opener Saeed Anwar"): kept outside
 * the name like a title. Not among PERSON_ROLES, which the tagger's features read as trained.
 */
export const PLAYER_ROLES = new Set(
  `defender midfielder striker winger forward goalkeeper keeper coach manager skipper batsman bowler all-rounder
  opener wicketkeeper quarterback pitcher sprinter cyclist player champion teammate veteran`.split(/\s+/),
);

/** Words that name a side or part of a place ("North Korea", "Upper Dir"), and alone name none. */
export const COMPASS_WORDS = ['North', 'South', 'East', 'West', 'Central', 'Northern', 'Southern', 'Eastern', 'Western', 'Upper', 'Lower'];

/** Last words that make a name an organisation: "Afghan Air Force", "New York Times". */
export const ORG_HEADS = new Set(
  `force forces army navy ministry council party times post news agency bank company corporation corp inc ltd
  llc plc university college committee commission organisation organization institute front movement brigade
  brigades battalion regiment division police department office parliament assembly union association foundation
  network press court government guard guards group club federation authority service services airlines
  airways tribune journal herald telegraph gazette radio television tv channel broadcasting mission coalition
  alliance league taskforce directorate agency command corps militia ministries board bureau cabinet senate congress
  programme program project fund initiative observatory monitor centre center forum crescent watch institute`.split(/\s+/),
);

/**
 * Last words that make a name of two words or more an organisation whatever else it looks like:
 * "United States Naval Academy" and "Santa Ana College" are no places, "Walt Disney Studios" no
 * person. Only words that end no place's or person's name in news (not "Bank": West Bank; not
 * "Union": Soviet Union; not "Center", "Front", "Office", "Post", "Court", "Opera": places and facilities too).
 */
export const ORGANISATION_LAST_WORDS = new Set(
  `academy college university institute ministry ministries committee commission council party agency
  company corporation corp inc ltd llc plc organisation organization foundation association federation
  directorate bureau studios airlines airways brigade brigades battalion regiment militia parliament
  senate congress coalition alliance league broadcasting tribune herald gazette telegraph journal service services
  holdings group mining minerals resources gold motors pharmaceuticals industries enterprises technologies
  rifles fusiliers hussars lancers dragoons philharmonic orchestra symphony ballet guild`.split(/\s+/),
);

/**
 * The legal form that ends a company's name in business news: "Bayer AG", "Newmont Mining Corp",
 * "Nestle SA". Written as companies write them (case matters: "SA" is a company's, "Sa" no one's).
 */
export const COMPANY_SUFFIXES = new Set(
  `Inc Inc. Corp Corp. Corporation Co Co. Ltd Ltd. Limited Plc PLC plc LLC LP L.P. AG SA S.A. NV N.V. GmbH SpA S.p.A.
  ASA Oyj BV B.V. Bhd Berhad Tbk LLP L.L.P. PLLC KGaA Pty`.split(/\s+/),
);
/** Words between a company's own name and its legal form: "Newmont Mining Corp" is "Newmont" for short. */
export const BUSINESS_WORDS = new Set(
  `mining motor motors group holding holdings industries international bank oil petroleum chemical chemicals
  pharmaceutical pharmaceuticals electric electronics steel resources energy communications systems technologies
  technology financial capital partners brothers airlines airways gold minerals foods products trading
  investments insurance entertainment enterprises platforms networks solutions brands labs therapeutics`.split(/\s+/),
);

/** "X, the national grid operator": the noun after the comma says X is an organisation. */
export const ORG_ROLES = new Set(
  `operator company firm group agency organisation organization party ministry army force militia network
  movement alliance coalition charity broadcaster newspaper channel bank union association monitor insurgency`.split(/\s+/),
);

/** Last words that make a name a place (a facility or feature, not a settlement). */
export const PLACE_HEADS = new Set(
  `airfield airport airbase base palace square street road highway bridge mosque hospital prison camp dam river
  valley mountain mountains pass lake sea gulf strait island islands desert district province region border
  checkpoint crossing port harbour harbor market stadium embassy house`.split(/\s+/),
);

/**
 * Whether a name's last word is an admin area's head that the name is read without: "Helmand
 * Province" is Helmand, "Akita Prefecture" Akita, "Borno State" Borno, when the gazetteer knows the
 * words before it. "Prefecture", "Oblast" and "State" end some places' own names ("Free State",
 * "United States"): they are set aside only where the whole is no place.
 */
export function trimsAreaHead(lastWord: string, whole: string, withoutHead: string, lookup: (name: string) => readonly unknown[]): boolean {
  const head = lastWord.toLowerCase();
  if (!/^(?:province|district|region|governorate|prefecture|oblast|state)$/.test(head)) return false;
  if (/^(?:prefecture|oblast|state)$/.test(head) && lookup(whole).length) return false;
  return lookup(withoutHead).length > 0;
}

/** Organisations news names without any head word, as name keys. */
export const KNOWN_ORGANISATION_NAMES = new Set([
  'taliban', 'al qaeda', 'islamic state', 'isis', 'isil', 'daesh', 'hezbollah', 'hizbollah', 'hamas', 'nato', 'un',
  'united nations', 'european union', 'eu', 'red cross', 'icrc', 'al jazeera', 'reuters', 'bbc', 'cnn', 'afp', 'ap',
  'associated press', 'pentagon', 'kremlin', 'unicef', 'unhcr', 'unama', 'world bank', 'imf', 'amnesty international',
  'human rights watch', 'wagner', 'boko haram', 'al shabaab', 'pkk', 'ypg', 'sdf', 'houthis', 'haqqani network',
  'tolonews', 'pajhwok', 'xinhua', 'tass', 'interpol', 'frontex', 'msf', 'doctors without borders', 'hts',
  'hayat tahrir al sham', 'al nusra', 'jnim', 'iswap', 'm23', 'rsf', 'rapid support forces', 'janjaweed',
  'african union', 'arab league', 'muslim brotherhood', 'islamic jihad', 'fatah', 'jamaat e islami', 'opec', 'asean',
  'unesco', 'iaea', 'osce', 'ocha', 'wfp', 'greenpeace',
  // Armed groups and services of the region the sample tracks, which news writes with hyphens and no head word.
  'hezb e islami', 'hizb e islami', 'lashkar e taiba', 'lashkar e tayyiba', 'lashkar e jhangvi', 'jaish e mohammed',
  'tehrik i taliban pakistan', 'tehrik e taliban pakistan', 'tehreek e taliban pakistan', 'tehreek i taliban pakistan', 'ttp', 'inter services intelligence', 'isi',
  'national directorate of security', 'islamic state khorasan', 'iskp', 'hizb ut tahrir', 'aqap', 'aqim',
  // And of the Sahel and the Levant, whose English names hold an "and" or an "in" that splits them.
  'group for the support of islam and muslims', 'islamic state in the greater sahara', 'isgs', 'islamic state west africa province',
  'ansar dine', 'ansarul islam', 'al shabab', 'jabhat al nusra', 'ahrar al sham',
]);

/**
 * Parliaments news names by their own word, with no head word ("the Bundestag voted", "the Sejm"),
 * as name keys. Read by the extractor alone (below): the tagger's lexicon is KNOWN_ORGANISATION_NAMES,
 * a feature its weights were learnt with. Not "Diet" nor "Rada" alone, which are words and names too.
 */
export const LEGISLATURES = new Set([
  'bundestag', 'bundesrat', 'bundesversammlung', 'nationalrat', 'landtag', 'knesset', 'duma', 'state duma', 'sejm',
  'riksdag', 'storting', 'stortinget', 'folketing', 'folketinget', 'althing', 'eduskunta', 'riigikogu', 'saeima',
  'seimas', 'oireachtas', 'dail', 'dáil', 'dail eireann', 'dáil éireann', 'seanad', 'verkhovna rada', 'tweede kamer',
  'cortes', 'cortes generales', 'sobranie', 'skupstina', 'skupština', 'sabor', 'wolesi jirga', 'meshrano jirga',
  'loya jirga', 'majlis', 'oliy majlis', 'mazhilis', 'mejlis', 'jogorku kenesh', 'khural', 'great khural', 'lok sabha',
  'rajya sabha', 'jatiya sangsad', 'legislative yuan', 'dewan rakyat', 'hluttaw', 'pyidaungsu hluttaw', 'politburo',
]);

/**
 * Intelligence and security services news names by their own word or initials ("Mossad chief David
 * Barnea", "the FSB"), as name keys; read by the extractor alone, as LEGISLATURES are.
 */
export const INTELLIGENCE_SERVICES = new Set([
  'mossad', 'shin bet', 'shabak', 'mi5', 'mi6', 'gchq', 'fsb', 'svr', 'gru', 'kgb', 'nkvd', 'stasi', 'bnd', 'dgse',
  'dgsi', 'nsa', 'mss', 'sbu', 'asio', 'asis', 'csis', 'mukhabarat', 'savak', 'irgc', 'nds',
]);

/**
 * Armed groups of Afghanistan, Pakistan and Central Asia that the tagger's lexicon lacks (its
 * KNOWN_ORGANISATION_NAMES was fixed with its weights), as news writes them without a head word:
 * "Jamaat-ul-Ahrar, a TTP splinter group", "the Baloch Liberation Army". And Yemen's Houthi movement
 * by its own name and as news writes it before its fighters ("Houthi rebels", which the tagger reads
 * as no name); a leader's "al-Houthi" is no match, the hyphen being part of his name.
 */
export const ARMED_GROUPS = new Set([
  'houthi', 'ansar allah',
  'jamaat ul ahrar', 'tehreek e labbaik pakistan', 'tehrik e labbaik pakistan', 'lashkar e islam', 'jundallah',
  'jaish al adl', 'baloch liberation army', 'balochistan liberation army', 'balochistan liberation front', 'bla',
  'islamic movement of uzbekistan', 'imu', 'east turkestan islamic movement', 'etim', 'turkistan islamic party',
  'al qaeda in the indian subcontinent', 'aqis', 'national resistance front', 'afghanistan freedom front',
  'hizb ul mujahideen', 'jamaat ul mujahideen bangladesh', 'sipah e sahaba', 'ahle sunnat wal jamaat', 'zainabiyoun',
  'fatemiyoun', 'liwa fatemiyoun', 'liwa zainabiyoun',
  // The Islamic State's provinces by their whole names, "Province" and all.
  'islamic state khorasan province', 'islamic state sahel province', 'islamic state central africa province',
  'islamic state somalia province', 'islamic state mozambique province', 'islamic state pakistan province',
  // Elsewhere, by the names news has long given them ("Tamil Tiger rebels", "the FARC").
  'tamil tigers', 'tamil tiger', 'liberation tigers of tamil eelam', 'ltte', 'farc', 'eln', 'shining path', 'sendero luminoso',
  'eta', 'ira', 'provisional ira', 'real ira', 'kla', 'kosovo liberation army', 'unita', 'renamo', 'spla', 'splm', 'sla',
  'lord s resistance army', 'lra', 'fdlr', 'polisario', 'polisario front', 'abu sayyaf', 'moro islamic liberation front', 'milf',
  'new people s army', 'jemaah islamiyah', 'khmer rouge',
  // Latin America's armed groups and gangs, which the tagger reads as places or people ("the Gulf Clan" at 51%).
  'gulf clan', 'clan del golfo', 'autodefensas gaitanistas de colombia', 'segunda marquetalia', 'tren de aragua', 'mara salvatrucha', 'ms 13',
  // Africa's and South Asia's, likewise ("Ansaroul Islam" a person at 31%, "the Haqqani Network" a place).
  'ansaroul islam', 'ansarul islam', 'ansar dine', 'mnla', 'codeco', 'allied democratic forces', 'janjaweed', 'haqqani network',
  // JNIM by its Arabic name, which the tagger cuts short ("Jama'at Nusrat al-Islam" at 30%).
  'jama at nusrat al islam wal muslimin', 'jamaat nusrat al islam wal muslimin', 'jamaat nusrat al islam wa al muslimin',
]);

/**
 * News agencies, which wire copy cites in nearly every article ("Interfax quoted", "the state
 * agency KUNA said"), as name keys; read by the extractor alone. Short ones are matched in capitals
 * only ("SANA", not Sanaa's "Sana"); not "Fars" nor "Mehr", a province and a surname, nor Egypt's "MENA",
 * which business news writes for a region.
 */
export const NEWS_AGENCIES = new Set([
  'itar tass', 'ria novosti', 'ria', 'interfax', 'kyodo', 'kyodo news', 'jiji', 'jiji press', 'yonhap', 'kcna', 'bernama', 'antara',
  'press trust of india', 'pti', 'ians', 'irna', 'isna', 'kuna', 'wafa', 'sana', 'wam', 'qna', 'ina', 'anadolu', 'anadolu agency',
  'ansa', 'efe', 'dpa', 'anp', 'belga', 'ctk', 'mti', 'pap', 'tanjug', 'hina', 'bta', 'ukrinform', 'unian', 'belta', 'kazinform',
  'upi', 'agence france presse', 'nna',
]);

/**
 * Peace operations of the United Nations, the African Union and NATO by the acronyms news gives them
 * ("MONUSCO peacekeepers"), which the tagger often leaves unread at a sentence's start.
 */
export const PEACE_OPERATIONS = new Set([
  'monusco', 'monuc', 'minusma', 'minusca', 'minurso', 'minustah', 'unifil', 'unmiss', 'unamid', 'unama', 'unami',
  'unsmil', 'unsom', 'unsos', 'unmik', 'undof', 'unficyp', 'untso', 'unmogip', 'unisfa', 'unmil', 'unoci', 'unamsil',
  'unmis', 'unprofor', 'untac', 'unitams', 'binuh', 'amisom', 'atmis', 'afisma', 'misca', 'samidrc', 'samim', 'kfor',
  'isaf', 'sfor', 'ifor', 'eufor', 'eulex', 'eutm',
]);

/**
 * Companies in the news of wars, sanctions, energy and platforms, whose names are no common word
 * (not Shell, Total, Apple, Amazon, Meta or X, which would be found in "shell fire" or "the Amazon")
 * and no surname or given name (not Swift, Tesla, Siemens, Bayer, Merck, Roche or Rafael):
 * the corpora hold little business news, so the tagger leaves a company named alone at the start of
 * a sentence unread ("Pfizer and BioNTech said"). Written from general knowledge.
 */
export const COMPANIES = new Set([
  // arms and aerospace
  'lockheed martin', 'raytheon', 'rtx', 'northrop grumman', 'general dynamics', 'bae systems', 'rheinmetall', 'thales',
  'elbit', 'elbit systems', 'rafael advanced defense systems', 'israel aerospace industries', 'baykar', 'aselsan',
  'rostec', 'rosoboronexport', 'kalashnikov concern', 'almaz antey', 'uralvagonzavod', 'norinco', 'avic', 'boeing',
  'airbus', 'saab', 'mbda', 'kongsberg', 'hanwha', 'embraer', 'leidos', 'palantir', 'anduril', 'spacex', 'starlink',
  // energy, mining and shipping
  'gazprom', 'rosneft', 'lukoil', 'novatek', 'transneft', 'rosatom', 'energoatom', 'naftogaz', 'ukrenergo', 'dtek',
  'aramco', 'saudi aramco', 'adnoc', 'qatarenergy', 'sonatrach', 'nnpc', 'pemex', 'petrobras', 'pdvsa', 'ecopetrol',
  'exxonmobil', 'exxon', 'chevron', 'totalenergies', 'conocophillips', 'equinor', 'eni', 'repsol', 'sinopec', 'petrochina',
  'cnpc', 'cnooc', 'glencore', 'vitol', 'trafigura', 'gunvor', 'rio tinto', 'bhp', 'anglo american', 'nornickel',
  'norilsk nickel', 'rusal', 'maersk', 'cosco', 'msc', 'hapag lloyd',
  // platforms and technology
  'google', 'alphabet', 'facebook', 'instagram', 'whatsapp', 'youtube', 'twitter', 'telegram', 'tiktok', 'bytedance',
  'microsoft', 'huawei', 'zte', 'samsung', 'tencent', 'alibaba', 'baidu', 'yandex', 'vkontakte',
  'nvidia', 'intel', 'tsmc', 'qualcomm', 'ibm', 'openai', 'anthropic', 'paypal', 'visa inc', 'mastercard',
  // pharmaceuticals
  'pfizer', 'biontech', 'moderna', 'astrazeneca', 'johnson & johnson', 'novartis', 'sanofi', 'glaxosmithkline', 'gsk',
  'sinovac', 'sinopharm', 'gamaleya', 'bavarian nordic', 'novavax', 'serum institute of india', 'bharat biotech', 'cansino', 'gilead',
  'takeda', 'teva', 'abbvie', 'eli lilly',
  // banks, carmakers and others often sanctioned or struck
  'sberbank', 'vtb', 'gazprombank', 'alfa bank', 'raiffeisen', 'hsbc', 'jpmorgan', 'goldman sachs', 'citigroup',
  'deutsche bank', 'barclays', 'ubs', 'credit suisse', 'blackrock', 'toyota', 'volkswagen',
  'hyundai', 'caterpillar', 'nestle', 'unilever', 'coca cola', 'pepsico', 'walmart', 'ikea',
  // airlines, carmakers, electronics and chemicals that wire copy names alone ("Swissair said", "Daimler-Benz rose")
  'lufthansa', 'klm', 'swissair', 'sabena', 'alitalia', 'aeroflot', 'qantas', 'british airways', 'ryanair', 'easyjet',
  'turkish airlines', 'singapore airlines', 'cathay pacific', 'qatar airways', 'etihad', 'flydubai', 'ariana afghan airlines',
  'daimler', 'daimler benz', 'mercedes benz', 'bmw', 'renault', 'peugeot', 'citroen', 'stellantis', 'fiat', 'volvo',
  'general motors', 'chrysler', 'nissan', 'mitsubishi', 'mazda', 'geely', 'byd', 'rolls royce', 'daewoo',
  'sony', 'toshiba', 'hitachi', 'panasonic', 'nokia', 'ericsson', 'motorola', 'hewlett packard', 'xiaomi', 'lenovo', 'foxconn',
  'ciba geigy', 'sandoz', 'hoechst', 'basf', 'glaxo', 'bristol myers squibb', 'novo nordisk',
  // Europe's rail, post and engineering groups, and the arms makers whose deliveries war reporting follows
  // ("Deutsche Bahn" a person at 49%, "Siemens Gamesa" at 56%, "Ukroboronprom said" at 51%)
  'deutsche bahn', 'deutsche telekom', 'deutsche post', 'siemens', 'siemens energy', 'siemens gamesa', 'thyssenkrupp', 'arcelormittal',
  'bayer', 'allianz', 'bnp paribas', 'societe generale', 'airbus', 'boeing', 'rheinmetall', 'thales', 'safran', 'dassault',
  'bae systems', 'lockheed martin', 'raytheon', 'northrop grumman', 'general dynamics', 'spacex',
  'ukroboronprom', 'ukrainian defense industry', 'motor sich', 'rostec', 'uralvagonzavod', 'almaz antey', 'baykar', 'roketsan', 'aselsan',
  // named with a founder's possessive, which the tagger cuts off ("Moody" at 42%, "Lloyd" a person at 82%); not those
  // that are as often a person's possessive ("Wendy's", "Macy's", "Christie's")
  'moody s', 'mcdonald s', 'sotheby s', 'sainsbury s', 'kellogg s', 'lloyd s list', 'lloyd s of london', 'trader joe s', 'hershey s',
]);

/**
 * Police and gendarmerie forces news names by a name of their own, with no "Police" to close it
 * (policeForces.ts reads those): "Gardaí said", "the Carabinieri", "Rosgvardia troops". The tagger
 * reads "Gardaí" as a person at 76%.
 */
export const POLICE_FORCES = new Set([
  // Name keys, and the Irish forms as written (KNOWN_ORGANISATION_WRITTEN matches the words as listed).
  'gardai', 'garda siochana', 'an garda siochana', 'gardaí', 'garda síochána', 'an garda síochána', 'carabinieri', 'guardia civil', 'guardia di finanza', 'ertzaintza',
  'mossos d esquadra', 'rosgvardia', 'gendarmerie nationale', 'polizia di stato',
]);

/**
 * Central banks news names alone, which the tagger reads as people ("Bundesbank chief Joachim Nagel":
 * "Bundesbank" a person at 62%), and those of many words it may cut.
 */
export const CENTRAL_BANKS = new Set([
  'bundesbank', 'riksbank', 'norges bank', 'banque de france', 'banca d italia', 'bank of england', 'bank of japan', 'bank of canada',
  'bank of russia', 'bank of korea', 'bank of israel', 'reserve bank of india', 'reserve bank of australia', 'swiss national bank',
  'european central bank', 'federal reserve',
]);

/**
 * Short names news writes in title case, not in capitals ("the Fed", "Fed Chairman Jerome Powell"):
 * matched only after "the", before a capitalised word or before the body's people and acts
 * (SHORT_NAME_BODY_AFTER), so that "Fed by rains" is no bank.
 */
export const SHORT_NAMES_IN_TITLE_CASE = new Set(['fed']);
/** "Fed officials", "Fed policymakers", "Fed minutes": what follows a short name that is the body's. */
export const SHORT_NAME_BODY_AFTER = /^ (?:officials|policymakers|policy[ -]makers|chair|chairman|chairwoman|governors?|minutes|meeting|statement|watchers|speakers)\b/;

/**
 * Aid groups war and disaster reporting names, often by words that say nothing of an organisation
 * ("The World Central Kitchen suspended operations": "Central Kitchen" a place at 38%, "World" left out).
 * Not "ACTED", which a sentence may open with as a verb.
 */
export const AID_ORGANISATIONS = new Set([
  'world central kitchen', 'mercy corps', 'oxfam', 'save the children', 'world vision', 'islamic relief', 'medair', 'unrwa',
  'samaritan s purse', 'concern worldwide', 'catholic relief services', 'direct relief', 'handicap international',
  'norwegian refugee council', 'international rescue committee', 'danish refugee council', 'care international',
  'medecins du monde', 'action against hunger', 'actionaid', 'christian aid', 'caritas', 'tearfund', 'plan international',
  'relief international', 'welthungerhilfe', 'international medical corps', 'partners in health', 'white helmets',
]);

/**
 * Parties of South Asia, the region the sample tracks, as name keys: news writes them with hyphens
 * and a country or a leader's name inside ("Pakistan Tehreek-e-Insaf": the place Pakistan at 48%, the
 * rest unread; "Pakistan Muslim League-Nawaz": a place, 21%). Not "PPP" (purchasing power parity),
 * "BNP" (BNP Paribas) nor "RSS" (feeds).
 */
export const SOUTH_ASIAN_PARTIES = new Set([
  'pakistan tehreek e insaf', 'pakistan tehrik e insaf', 'pakistan tehreek i insaf', 'pti', 'pakistan muslim league nawaz',
  'pakistan muslim league n', 'pml n', 'pakistan peoples party', 'pakistan people s party', 'muttahida qaumi movement', 'mqm',
  'jamiat ulema e islam', 'jamiat ulema e islam fazl', 'jui f', 'awami national party', 'tehreek e labbaik pakistan', 'tehrik e labbaik pakistan',
  'tlp', 'awami league', 'bangladesh nationalist party', 'bharatiya janata party', 'bjp', 'aam aadmi party', 'rashtriya swayamsevak sangh',
  'shiv sena', 'trinamool congress', 'all india trinamool congress', 'samajwadi party', 'bahujan samaj party', 'dravida munnetra kazhagam', 'dmk',
]);

/** The organisations the extractor knows and the tagger has no lexicon feature of. */
export const EXTRACTOR_ORGANISATIONS = new Set([
  ...LEGISLATURES, ...INTELLIGENCE_SERVICES, ...ARMED_GROUPS, ...PEACE_OPERATIONS, ...COMPANIES, ...POLICE_FORCES, ...NEWS_AGENCIES, ...CENTRAL_BANKS, ...SHORT_NAMES_IN_TITLE_CASE, ...AID_ORGANISATIONS,
  ...SOUTH_ASIAN_PARTIES,
]);

/**
 * The known organisations and parliaments as they are written: each name key's words apart by
 * spaces, hyphens or apostrophes ("Hezb-e-Islami", "Inter-Services Intelligence", "the Lord's
 * Resistance Army", "Jama'at Nusrat al-Islam"), in any case; longest first.
 */
export const KNOWN_ORGANISATION_WRITTEN = new RegExp(
  `(?<![\\p{L}\\p{N}-])(?:${[...KNOWN_ORGANISATION_NAMES, ...EXTRACTOR_ORGANISATIONS]
    .sort((a, b) => b.length - a.length)
    .map((key) => key.split(' ').join("[\\s'’‐‑–-]+"))
    .join('|')})(?![\\p{L}\\p{N}-])`,
  'giu',
);

/** Ethnic, religious and other identity groups (singular and plural forms). */
export const GROUP_NAMES = new Set(
  `tajik tajiks uzbek uzbeks hazara hazaras pashtun pashtuns pashtoon pashtoons baloch balochs baluch kurd kurds
  arab arabs turkmen turkmens sunni sunnis shia shias shiite shiites muslim muslims christian christians jew jews
  yazidi yazidis alawite alawites druze rohingya tutsi tutsis hutu hutus fulani tuareg tuaregs amhara oromo tigrayan
  tigrayans somali somalis berber berbers copt copts sikh sikhs hindu hindus buddhist buddhists chechen chechens
  uyghur uyghurs uighur uighurs circassian circassians assyrian assyrians maronite maronites ismaili ismailis
  aimak aimaks nuristani nuristanis dogon dogons bambara hausa igbo yoruba kikuyu luo nuer dinka zaghawa masalit
  karen kachin shan chin bamar`.split(/\s+/),
);

/**
 * Offices a name may hold inside it before the person's own name ("U.S. Attorney Zachary Fardon",
 * "Marine Corps Major Tim Keefe"; not "King" nor "St.": "Martin Luther King", "Kevin St. John").
 */
export const OFFICES = new Set(
  `president minister general lieutenant colonel major captain sergeant admiral commander governor senator representative
  congressman congresswoman ambassador secretary speaker chairman chairwoman mayor deputy chancellor marshal spokesman
  spokeswoman spokesperson commissioner director chief attorney prosecutor judge justice sheriff inspector superintendent
  premier brigadier corporal col capt sgt lt cmdr adm`.split(/\s+/),
);

/**
 * Diseases and pathogens news writes with capitals or as acronyms, as name keys: no person,
 * organisation or place ("HIV", "Hepatitis A", "H5N1", "BSE"). Not those that are also a town's
 * name news writes as often (Marburg, Lassa, Lyme), nor a band's (Anthrax).
 */
export const DISEASES = new Set([
  ...`hiv aids sars mers covid h1n1 h5n1 h7n9 h3n2 h5 h7 ebola zika hepatitis bse vcjd cjd hfmd lpai hpai xdr mdr
  tb mrsa salmonella listeria polio cholera malaria dengue chikungunya influenza norovirus rotavirus nipah hendra
  coxsackie ebolavirus coronavirus`.split(/\s+/),
  'covid 19', 'hepatitis a', 'hepatitis b', 'hepatitis c', 'hepatitis e', 'e coli', 'avian influenza', 'equine influenza', 'swine flu',
  'bird flu', 'avian flu', 'mad cow', 'xdr tb', 'mdr tb',
]);

/**
 * Climate patterns news names as it names places ("El Niño brought drought to Ethiopia"): a
 * village in Mexico is called El Niño, but the weather is meant. As name keys.
 */
export const CLIMATE_PATTERNS = new Set(['el nino', 'la nina']);

/**
 * Faiths and doctrines: written capitalised as names are, and found where places are ("converted to
 * Islam", "Islam's holiest site"), but neither a person, an organisation nor a place.
 */
export const BELIEFS = new Set([
  ...`islam christianity judaism hinduism buddhism sikhism jainism taoism shinto zoroastrianism catholicism protestantism
  mormonism islamism jihadism salafism wahhabism zionism communism marxism leninism maoism nazism fascism`.split(/\s+/),
  'sunni islam',
  'shia islam',
  'shiite islam',
]);

/** Abbreviations news uses for countries: kept apart because gazetteer names under 4 letters are not indexed. */
export const COUNTRY_ABBREVIATIONS = new Map([
  ['us', 'United States'],
  ['u s', 'United States'],
  ['usa', 'United States'],
  ['uk', 'United Kingdom'],
  ['u k', 'United Kingdom'],
  ['u s a', 'United States'],
  ['uae', 'United Arab Emirates'],
  ['u a e', 'United Arab Emirates'],
  ['drc', 'DR Congo'],
  ['britain', 'United Kingdom'],
  ['great britain', 'United Kingdom'],
  ['turkey', 'Turkiye'],
  ['ivory coast', 'Ivory Coast'],
  ['burma', 'Myanmar'],
  ['bosnia', 'Bosnia and Herzegovina'],
  ['democratic republic of congo', 'DR Congo'],
  ['democratic republic of the congo', 'DR Congo'],
]);

export const WEEKDAYS_AND_MONTHS = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december jan feb mar apr jun jul aug sep sept oct nov dec`.split(/\s+/),
);

/** Words before a name that say it is a place: "in Kunduz", "the province of Faryab". */
export const PLACE_CUES_BEFORE = new Set(
  `in at near from to into across outside around toward towards entered captured reached besieged fled
  seized attacked bombed shelled struck stormed overran recaptured retook through via`.split(/\s+/),
);
