/**
 * The made-up world the generated demo organisation lives in: people's names and the mail domains
 * they are invited at. Every company domain is under a reserved name (`.example`, `.test`, or a
 * subdomain of `example.org`), so no real company appears; the free-mail and typo domains are the
 * well-known providers' and their usual slips, which the typo check recognises. None of these is a
 * domain of the seeded people (demoSeed: example.com, exampel.com, corp.example, gmial.com,
 * gatekeep.example, example.org itself), so their domain peers stay as they were.
 */
export const demoOrganisationWorld = {
  /** First names from many origins; accents fold away in the address (`Zoë` → `zoe`). */
  firstNames: [
    'Aisha', 'Akira', 'Alejandro', 'Amara', 'Andrea', 'Anja', 'Arjun', 'Astrid', 'Bjørn', 'Camille',
    'Chen', 'Chiara', 'Daniel', 'Dmitri', 'Elif', 'Emeka', 'Emma', 'Fatima', 'Femi', 'Giulia',
    'Hamid', 'Hannah', 'Ines', 'Ingrid', 'Jakub', 'James', 'Javier', 'Joon', 'Kaito', 'Kofi',
    'Lars', 'Leila', 'Lucía', 'Mai', 'Malik', 'Maria', 'Mateo', 'Mei', 'Nadia', 'Noah',
    'Olusegun', 'Omar', 'Paulo', 'Priyanka', 'Rafael', 'Rania', 'Sanna', 'Sebastián', 'Siobhan', 'Sven',
    'Tariq', 'Thandiwe', 'Tomás', 'Valentina', 'Wei', 'Yara', 'Yusuf', 'Zainab', 'Zoë', 'Élodie',
  ],
  lastNames: [
    'Abebe', 'Adeyemi', 'Andersson', 'Bauer', 'Bianchi', 'Chowdhury', 'Costa', 'Dubois', 'Eriksen', 'Fernández',
    'García', 'Gupta', 'Haddad', 'Hansen', 'Horvat', 'Ivanova', 'Jensen', 'Kaur', 'Kim', 'Kowalski',
    'Kuznetsov', 'Lambert', 'Lindgren', 'Martins', 'Mensah', 'Moreau', 'Müller', 'Nakamura', 'Nguyen', 'Novak',
    'Okafor', 'Olsen', 'Papadopoulos', 'Park', 'Pereira', 'Quispe', 'Rahman', 'Reyes', 'Rossi', 'Sato',
    'Schmidt', 'Silva', 'Singh', 'Sørensen', 'Tanaka', 'Tremblay', 'Van Dijk', 'Wang', 'Yilmaz', 'Zhang',
  ],
  /** Everyday companies: invitations there arrive, and people accept them at their own pace. */
  companies: [
    'northwind-traders.example', 'bluefjord.example', 'copperleaf.test', 'harbor-analytics.example', 'lumen.example.org',
    'stellar-bakeries.test', 'quietwater.example', 'orchard-labs.example', 'tallpine.test', 'saffron-foods.example',
    'kestrel-aviation.test', 'granite-works.example', 'mosaic.example.org', 'redwood-clinic.example', 'tidewater.test',
    'brightpath.example', 'ironbridge.test', 'amberline.example', 'foxglove-design.example', 'cobalt-systems.test',
    'evergreen-schools.example.org', 'nimbus.example', 'riverbend.test', 'silverline-media.example', 'oakmont.example',
    'polar-freight.test', 'sunrise-dental.example', 'twinpeaks.example.org', 'willow-legal.example', 'zephyr.test',
    'atlas-robotics.example', 'cedar-and-stone.test', 'dovetail.example',
  ],
  /** Single sign-on: everyone there signs in through the company's identity provider. */
  ssoCompany: 'lighthouse-energy.example',
  /** Onboards a whole department in one afternoon (the bulk wave). */
  bulkCompany: 'meridian-retail.example',
  /** Every address there is refused 5.7.1 by the company's spam or policy filter, with how many people were invited. */
  strictCompanies: [
    { domain: 'fortress-insurance.example', people: 24 },
    { domain: 'vaultline-bank.test', people: 47 },
    { domain: 'sentinel.example.org', people: 71 },
  ],
  /** A mail security gateway opens every link seconds after delivery, spending single-use links. */
  gatewayCompany: { domain: 'bastion-partners.example', people: 38 },
  /** Greylists: every attempt is deferred 4.7.1 for now. */
  greylistCompany: { domain: 'slowpost-logistics.test', people: 18 },
  /** Free-mail providers some people are invited at. */
  freeMail: ['gmail.com', 'outlook.com', 'yahoo.com', 'hotmail.com', 'icloud.com', 'proton.me'],
  /** Slips of the free-mail domains: no MX, every attempt bounces 5.1.2, and the typo check suggests the fix. */
  typoDomains: ['gmaill.com', 'outlok.com', 'yaho.com', 'hotmial.com', 'gnail.com', 'iclod.com'],
} as const;
