/**
 * Page furniture: the lines a scraper carries into text from around the article — menus, share bars,
 * newsletter and comment prompts, "related" links, cookie and 404 notices, wire distribution
 * footers. Gathered from the furniture of many news sites (wire services, national broadcasters,
 * local papers, blogs); each pattern matches a whole line, so a sentence that merely mentions a
 * newsletter or a cart survives.
 */

/** A separator, arrow or bullet that decorates a menu or breadcrumb line. */
const DECORATION = /[»«›‹|→←↑↓▶►•·▸✓✔⋯…]+/g;
const HAS_DECORATION = /[»«›‹|→←↑↓▶►•·▸✓✔⋯…]/;
const LOOSE_SPACE = /\s\s|[\t\n\r\u00a0]/;

/** Short lines (at most 10 words) that are furniture as a whole. */
const LABELS: RegExp[] = [
  // Shop and account
  /^(shopping )?cart( \(\d+\))?$/,
  /^no products in the cart\.?$/,
  /^(checkout|my account|wishlist|view cart|my profile|my news|saved( articles)?|account)$/,
  /^(sign|log) ?(in|up|out)( to .*)?$/,
  /^(register|subscribe( now| today)?|donate( now)?|newsletters?|menu|search|home|close|navigation|main menu|toggle navigation|open menu|skip|more|edition|live tv|watch live|listen live|e-?paper|podcasts?|video|videos|photos?|gallery)$/,
  // Page movement
  /^(go|back|scroll|return) to (the )?top$/,
  /^(skip|jump) to (main )?(content|navigation|footer|search)$/,
  /^(previous|next|older|newer) (post|article|story|page)s?:?$/,
  /^(continue|keep) reading\.?$/,
  /^(loading|please wait)(\.\.\.)?$/,
  /^click here.*$/,
  /^\d+ min(ute)?s? read$/,
  /^listen to (this|the) (article|story)( \d+ min(ute)?s?)?$/,
  /^(toggle|change) (caption|text size|font size)$/,
  /^(hide|show) caption$/,
  /^image( source)?,? (getty images|reuters|afp|ap|epa|anadolu agency|.*\/getty images)$/,
  /^(photo|picture|image)s?:? ?\(?(getty images|reuters|afp|ap|epa|file|handout|supplied|screengrab)\)?$/,
  // Comments
  /^(leave|post|add|write|submit) (a |your )?(comment|reply|comments|replies|response)s?$/,
  /^(\d+ )?(comments?|replies|responses?)( \(\d+\))?:?$/,
  /^(show|view|load|hide|read|see) (all |more |the )?(\d+ )?comments$/,
  /^be the first to comment\.?$/,
  /^join the (conversation|discussion|debate)\.?$/,
  /^(comments (are|have been) (closed|disabled|turned off)( for this (article|story|post))?|commenting (is|has been) (closed|disabled)|this discussion (is|has been) closed)\.?$/,
  /^comments (on|for) this (article|story|post|page) (are|is|have been) (closed|disabled)\.?$/,
  // Sharing
  /^share( this( article| story| post| page| video)?)?( on \w+| via \w+)?( \(opens new window\))?:?$/,
  /^(copy link|link copied|copied|copy article link|gift (this )?article)$/,
  /^(tweet|email|e-mail|print|whatsapp|facebook|twitter|linkedin|telegram|reddit|pinterest|flipboard|messenger)$/,
  // Advertising and promotion
  /^(advertisement|advertisements|sponsored( content)?|ad|promoted|paid content|partner content)$/,
  /^(advertisement|story continues|article continues)( -)? (scroll to continue|below( advertisement)?|after (the )?advertisement)$/,
  /^(skip|close) (advertisement|ad)$/,
  /^(download|get) (our|the) (free )?app.*$/,
  // Related links
  /^(related|related (articles|posts|stories|news|content|coverage|topics|reading|links)|read more|read next|more stories|more news|more on this( story)?|you may also like|you might also like|recommended( stories| for you| reading)?|trending( now| stories)?|most (read|popular|viewed|shared)|top stories|latest( news| stories)?|editor'?s picks|don'?t miss|explore more( on these topics)?|more from .{1,30}|around the web|from our partners)\.?:?$/,
  // Cookies, legal, contact
  /^((we|this (site|website)) uses? cookies.*|accept( all)?( cookies)?|reject( all)?|manage (cookies|preferences|consent)|cookie (policy|settings|preferences))$/,
  /^(©|\(c\)|copyright\b).*$/,
  /^all rights reserved\.?$/,
  /^follow us( on .*)?:?$/,
  /^(tags?|topics?|categories|category|filed under|posted in|more about|keywords)\s*:.*$/,
  /^(privacy( policy| notice)?|terms( of (use|service)| (and|&) conditions)?|contact( us)?|about( us)?|careers|sitemap|site map|help|faq|accessibility( statement)?|corrections|ethics policy|rss( feeds?)?|do not sell( or share)? my (personal )?(information|data))$/,
  /^(report an error|send (us )?feedback|feedback|was this (article|story) helpful\??|thank you for your feedback\.?)$/,
  // Error and wall pages
  /^(page not found|404( error)?|error 404|not found|access denied|forbidden)\.?$/,
  /^(subscribe|sign in|log in|register) to (continue|read|keep reading|unlock).*$/,
];

/**
 * Notices of up to 45 words that are furniture whatever follows their opening: newsletter promos,
 * wire distribution footers, "originally published" lines, 404 and paywall texts.
 */
const NOTICES: RegExp[] = [
  // Newsletters: "Get the Morning Briefing newsletter in your inbox.", "Sign up for our daily email."
  /^(get|sign up (for|to)|subscribe to|receive|want) .*\bnewsletters?\b/,
  /\bnewsletters?\b.*\b(inbox|sign up|subscribe|delivered|every (morning|day|week)|each (morning|day|week))\b/,
  /^(enter your email( address)?|your email address|email address|thanks? (you )?for (signing up|subscribing)|by (signing up|subscribing|clicking)\b).*/,
  /^sign up here\.?$/,
  // Sharing bars with their networks: "Share this article: Facebook Twitter LinkedIn Email"
  /^share (this|the|on|via)\b[^.]*:/,
  // Related links with a headline: "Related: Taliban seize …", "READ MORE: …"
  /^(related|read more|read also|also read|see also|more|watch|listen|read|recommended|must read|don'?t miss|further reading|more on this)\s*[:：]/,
  // Wire and syndication footers
  /\bmay not be (published|reproduced|broadcast|rewritten|redistributed)\b/,
  /^our standards:/,
  /^(this (article|story|content) (was|is|has been) (originally )?(published|produced|republished|reproduced|first published)\b|originally published (on|at|by|in)\b|republished (with permission|from|under)\b|distributed by\b|(except for the headline, )?this story (has|was)( been)? (not )?(been )?(edited|published) (by|from)\b)/,
  /^\(?except for the headline, this story has not been edited\b/,
  /^this story has been published from a (wire|syndicated) (agency )?feed\b/,
  /^follow .{1,40}(coverage|updates) (of .{1,80} )?(at|on) (https?:\/\/|www\.)\S+/,
  /^(read|view|see) (the )?(original|full) (article|story|report)( (at|on|here).*)?\.?$/,
  /^(support|fund) (our|independent) journalism\b/,
  /^(become a (member|subscriber|supporter)|already (a subscriber|have an account)|you have (reached|read) (your|\d+) (free )?(article|story) limit)\b/,
  // Cookie and consent banners
  /^((we|this (site|website)|our (site|website)|this site) uses? cookies|by (continuing|using)\b.*\bcookies\b)/,
  /\bcookies\b.*\b(consent|accept|agree|manage (your )?(preferences|settings)|cookie policy)\b/,
  // Copyright lines, however long their small print
  /^(©|\(c\)|copyright\b)/,
  // A broadcaster's photo and video captions: "Image caption, Families fleeing …", "Media caption, …"
  /^(image|media|video|photo) caption,/,
  // Error pages
  /^(sorry, )?(the |this )?page (you (are|were) looking for|you requested|could not be found|cannot be found|doesn'?t exist|does not exist|has (been )?(moved|removed))\b/,
  /^(we|we're|we are) (sorry|unable to find)\b.*\bpage\b/,
];

/** The first words of the notices above: a longer line opening otherwise is not tested against them. */
const NOTICE_OPENERS = new Set([
  'get', 'sign', 'subscribe', 'receive', 'want', 'enter', 'your', 'email', 'thanks', 'thank', 'by', 'share', 'related', 'read', 'also',
  'see', 'more', 'watch', 'listen', 'recommended', 'must', "don't", 'dont', 'further', 'our', 'this', 'originally', 'republished',
  'distributed', 'except', 'follow', 'view', 'support', 'fund', 'become', 'already', 'you', 'sorry', 'the', 'page', 'we', "we're", 'copyright', 'image', 'media', 'video', 'photo',
]);

/** Social networks and sharing actions: a line of nothing else is a share bar. */
const SHARE_WORDS = new Set([
  'share', 'facebook', 'twitter', 'x', 'linkedin', 'email', 'e-mail', 'mail', 'whatsapp', 'telegram', 'reddit', 'pinterest',
  'print', 'copy', 'link', 'copied', 'flipboard', 'messenger', 'sms', 'tumblr', 'vk', 'threads', 'bluesky', 'mastodon', 'tweet',
  'this', 'article', 'story', 'on', 'via', 'comments', 'comment', 'save', 'gift',
]);

const SOCIAL_NETWORKS = new Set(['facebook', 'twitter', 'linkedin', 'whatsapp', 'telegram', 'reddit', 'pinterest', 'flipboard', 'messenger', 'tumblr', 'vk', 'bluesky', 'mastodon']);

/** The line in lower case with decorations dropped and spaces collapsed: what the patterns see. */
export function normalFurniture(line: string): string {
  let normal = line.toLowerCase();
  if (HAS_DECORATION.test(normal)) normal = normal.replace(DECORATION, ' ');
  // Collapsing spaces is the costly step on long lines: only when a double space or a tab is there.
  if (LOOSE_SPACE.test(normal)) normal = normal.replace(/\s+/g, ' ');
  return normal.trim();
}

function isShareBar(normal: string): boolean {
  const words = normal.replace(/[:,;()]/g, ' ').split(' ').filter(Boolean);
  return words.length >= 2 && words.some((w) => SOCIAL_NETWORKS.has(w)) && words.every((w) => SHARE_WORDS.has(w));
}

/** A breadcrumb or menu bar: several short items between separators ("Home › World › Asia"). */
function isMenuBar(line: string): boolean {
  // A byline or a date shares the separators ("By Jane Doe | Reuters | June 22, 2021") but is no menu.
  if (/^by\s|\d/i.test(line)) return false;
  const parts = line.split(/\s*(?:[»›>|/•·]|\s-\s)\s*/).filter((p) => p.trim().length > 0);
  return parts.length >= 3 && parts.every((p) => p.trim().split(/\s+/).length <= 3 && !/[.!?]$/.test(p.trim()));
}

/**
 * Whether a whole line is page furniture. `words` is the line's word count (the caller has it):
 * long lines are never furniture, so running text is never lost to a pattern.
 */
export function isFurniture(line: string, words: number): boolean {
  if (words > 45 || (words > 10 && !mayBeNotice(line))) return false;
  const normal = normalFurniture(line);
  if (normal.length === 0) return words === 0;
  if (words <= 10) {
    if (LABELS.some((re) => re.test(normal))) return true;
    if (isShareBar(normal)) return true;
    if (isMenuBar(line)) return true;
  }
  return NOTICES.some((re) => re.test(normal));
}

/**
 * Whether a line of more than ten words may be a notice: it opens with a notice's first word or
 * names a newsletter or a reproduction ban. Most paragraphs fail this quick test, so the costly
 * normalising and the notice patterns run on few lines of an import.
 */
function mayBeNotice(line: string): boolean {
  if (/^\W*(?:©|\(c\))/i.test(line)) return true;
  const first = /^[^\p{L}]*([\p{L}'’]+)/u.exec(line)?.[1]?.toLowerCase().replace('’', "'");
  return (first !== undefined && NOTICE_OPENERS.has(first)) || /newsletter|may not be|cookies/i.test(line);
}

/** "© 2021 The Associated Press. All rights reserved." → "The Associated Press": the publisher a footer names. */
export function publisherOfCopyright(line: string): string | null {
  const m = /^(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:by\s+)?([^.,|;]{2,60}?)(?:[.,|;]|\s+all rights reserved|$)/i.exec(line.trim());
  const name = m?.[1]?.trim();
  if (!name || /^all rights/i.test(name) || !/\p{Lu}/u.test(name)) return null;
  return name;
}
