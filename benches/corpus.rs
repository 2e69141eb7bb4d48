//! A deterministic generator of news-like English text for benchmarks:
//! invented people, organizations and places, dates in many forms, quotes,
//! attributions and figures, in paragraphs. All of it is our own writing.

pub const FIRST: &[&str] = &[
    "Anna",
    "Pavel",
    "Maria",
    "Oleksandr",
    "Helen",
    "David",
    "Yuki",
    "Amara",
    "Tomas",
    "Leila",
    "Jonas",
    "Irina",
    "Carlos",
    "Mei",
    "Samuel",
    "Noor",
];
const LAST: &[&str] = &[
    "Kovalenko",
    "Marchetti",
    "Okafor",
    "Lindqvist",
    "Haddad",
    "Novak",
    "Tanaka",
    "Brennan",
    "Petrov",
    "Alvarez",
    "Schmidt",
    "Osei",
    "Duarte",
    "Weller",
    "Iqbal",
    "Rossi",
];
const TITLES: &[&str] = &[
    "Foreign Minister",
    "President",
    "spokeswoman",
    "General",
    "Senator",
    "Governor",
    "analyst",
    "Deputy Prime Minister",
];
const ORGS: &[&str] = &[
    "the European Commission",
    "NATO",
    "the World Bank",
    "the Ministry of Defence",
    "Reuters",
    "the Central Bank",
    "the United Nations",
    "the Northern Energy Company",
    "the International Monetary Fund",
    "the Baltic Shipping Authority",
];
const PLACES: &[&str] = &[
    "Vilnius",
    "Warsaw",
    "Kyiv",
    "Brussels",
    "Geneva",
    "the Black Sea",
    "Lagos",
    "Osaka",
    "the Donetsk region",
    "Lisbon",
    "Riga",
    "Ankara",
];
const NORP: &[&str] = &[
    "Polish",
    "Ukrainian",
    "European",
    "Japanese",
    "Nigerian",
    "Turkish",
    "Lithuanian",
    "Portuguese",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const CUES: &[&str] = &[
    "said",
    "warned",
    "denied",
    "told reporters",
    "insisted",
    "claimed",
    "announced",
    "argued",
];
const CLAUSES: &[&str] = &[
    "the talks would resume after the holidays",
    "exports had fallen sharply since the sanctions began",
    "no troops had crossed the border",
    "the agreement was the best that could be reached",
    "the budget would not cover the rising cost of energy",
    "the shipments were delayed by bad weather",
    "the government had misled voters about the deficit",
    "the new pipeline would be finished ahead of schedule",
];

/// A tiny deterministic generator (xorshift), so every run sees the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn person(r: &mut Rng) -> String {
    format!("{} {}", r.pick(FIRST), r.pick(LAST))
}

fn date(r: &mut Rng) -> String {
    let (m, d, y) = (r.pick(MONTHS), 1 + r.below(28), 2015 + r.below(11));
    match r.below(6) {
        0 => format!("{m} {d}, {y}"),
        1 => format!("{d} {m} {y}"),
        2 => format!("{m} {y}"),
        3 => "last week".to_string(),
        4 => format!("in {y}"),
        _ => "on Tuesday".to_string(),
    }
}

fn sentence(r: &mut Rng) -> String {
    match r.below(7) {
        0 => format!(
            "{} {} {} on {} that {}.",
            r.pick(TITLES),
            person(r),
            r.pick(CUES),
            date(r),
            r.pick(CLAUSES)
        ),
        1 => format!(
            "“{},” {} said in {}.",
            capitalize(r.pick(CLAUSES)),
            person(r),
            r.pick(PLACES)
        ),
        2 => format!(
            "According to {}, trade with {} rose {}% in {}.",
            r.pick(ORGS),
            r.pick(PLACES),
            1 + r.below(60),
            2010 + r.below(15)
        ),
        3 => format!(
            "{} officials met delegates from {} in {} {}.",
            r.pick(NORP),
            r.pick(ORGS),
            r.pick(PLACES),
            date(r)
        ),
        4 => format!(
            "The deal, worth ${}.{} billion, was signed by {} and {}.",
            1 + r.below(90),
            r.below(10),
            person(r),
            r.pick(ORGS)
        ),
        5 => format!(
            "{} accused {} of {}, a charge the ministry denied.",
            person(r),
            r.pick(ORGS),
            "hiding the losses"
        ),
        _ => format!(
            "Since {}, more than {} people have left {} for {}.",
            date(r),
            1000 * (1 + r.below(500)),
            r.pick(PLACES),
            r.pick(PLACES)
        ),
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// About `bytes` bytes of news-like text, cut at a paragraph boundary.
pub fn generate(bytes: usize, seed: u64) -> String {
    let mut r = Rng(seed | 1);
    let mut out = String::with_capacity(bytes + 1024);
    while out.len() < bytes {
        let n = 3 + r.below(4);
        for i in 0..n {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(&sentence(&mut r));
        }
        out.push_str("\n\n");
    }
    out
}
