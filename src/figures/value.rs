//! The normalized value of a figure: an amount, its unit and a modifier,
//! as they appear in factlens/1 (`"value": {"amount", "unit", "mod"}`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// What a figure counts, with OntoNotes' (spaCy's) labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum FigureLabel {
    /// An amount of money: "$1.2 billion", "€95bn", "50 million euros".
    Money,
    /// A percentage or percentage points: "50%", "10 per cent".
    Percent,
    /// A measure with a unit: "1,000 km", "5 tonnes".
    Quantity,
    /// A count with no unit: the "75" of "75 deputies".
    Cardinal,
}

impl FigureLabel {
    /// The label as written in the document.
    pub fn as_str(self) -> &'static str {
        match self {
            FigureLabel::Money => "MONEY",
            FigureLabel::Percent => "PERCENT",
            FigureLabel::Quantity => "QUANTITY",
            FigureLabel::Cardinal => "CARDINAL",
        }
    }
}

/// How much: one number, or a range `[low, high]` ("between 3 and 5
/// million", "2-3%"). Scale words are resolved ("€95bn" is 95000000000)
/// and a percentage is its number of percent ("12.5%" is 12.5).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amount {
    /// One number.
    Number(f64),
    /// A range, `low < high`.
    Range(f64, f64),
}

impl Amount {
    /// A range from `low` to `high`, or one number when they are equal;
    /// `None` when `high < low` or a bound is not finite.
    pub fn range(low: f64, high: f64) -> Option<Amount> {
        if !low.is_finite() || !high.is_finite() || high < low {
            None
        } else if low == high {
            Some(Amount::Number(low))
        } else {
            Some(Amount::Range(low, high))
        }
    }
}

/// Whole numbers as JSON integers ("1200000000", not "1200000000.0").
fn number<S: Serializer>(x: f64, s: S) -> Result<S::Ok, S::Error> {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        s.serialize_i64(x as i64)
    } else {
        s.serialize_f64(x)
    }
}

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeTuple;
        match *self {
            Amount::Number(x) => number(x, s),
            Amount::Range(lo, hi) => {
                struct N(f64);
                impl Serialize for N {
                    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                        number(self.0, s)
                    }
                }
                let mut t = s.serialize_tuple(2)?;
                t.serialize_element(&N(lo))?;
                t.serialize_element(&N(hi))?;
                t.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Amount, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            One(f64),
            Two([f64; 2]),
        }
        match Raw::deserialize(d)? {
            Raw::One(x) => Ok(Amount::Number(x)),
            Raw::Two([lo, hi]) => Amount::range(lo, hi)
                .ok_or_else(|| serde::de::Error::custom("amount range needs low <= high")),
        }
    }
}

/// How the amount relates to the true figure, with TIMEX3's `mod` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum FigureMod {
    /// "about", "around", "roughly", "some", "an estimated".
    Approx,
    /// "more than", "over", "above".
    MoreThan,
    /// "less than", "under", "nearly", "almost".
    LessThan,
    /// "at least", "no fewer than".
    EqualOrMore,
    /// "up to", "at most", "as many as".
    EqualOrLess,
}

/// Declares a unit enum whose variants are written as the given codes.
macro_rules! codes {
    ($(#[$m:meta])* $name:ident { $($v:ident = $s:literal,)* }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $(#[doc = concat!("`", $s, "`")] $v,)*
        }
        impl $name {
            /// The code as written in the document.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$v => $s,)* }
            }
            /// The variant written `s`, exactly (case matters).
            pub fn from_code(s: &str) -> Option<$name> {
                match s { $($s => Some($name::$v),)* _ => None }
            }
        }
    };
}

codes! {
    /// A currency, written as its ISO 4217 code.
    Currency {
        Usd = "USD", Eur = "EUR", Gbp = "GBP", Rub = "RUB", Uah = "UAH", Cny = "CNY",
        Jpy = "JPY", Chf = "CHF", Cad = "CAD", Aud = "AUD", Nzd = "NZD", Hkd = "HKD",
        Sgd = "SGD", Twd = "TWD", Inr = "INR", Pkr = "PKR", Krw = "KRW", Try = "TRY",
        Ils = "ILS", Pln = "PLN", Sek = "SEK", Nok = "NOK", Dkk = "DKK", Czk = "CZK",
        Huf = "HUF", Ron = "RON", Bgn = "BGN", Byn = "BYN", Kzt = "KZT", Gel = "GEL",
        Azn = "AZN", Amd = "AMD", Mdl = "MDL", Brl = "BRL", Mxn = "MXN", Ars = "ARS",
        Php = "PHP", Zar = "ZAR", Ngn = "NGN", Kes = "KES", Egp = "EGP", Sar = "SAR",
        Aed = "AED", Qar = "QAR", Irr = "IRR", Iqd = "IQD", Lbp = "LBP", Syp = "SYP",
        Thb = "THB", Vnd = "VND", Idr = "IDR", Myr = "MYR",
    }
}

codes! {
    /// A unit of measure, written as its symbol, as written in the text
    /// (not converted), ASCII with powers as digits: `km2`.
    Measure {
        Km = "km", M = "m", Cm = "cm", Mm = "mm", Mi = "mi", Ft = "ft", In = "in",
        Yd = "yd", Nmi = "nmi", Km2 = "km2", M2 = "m2", Mi2 = "mi2", Ha = "ha",
        Acre = "acre", M3 = "m3", Kg = "kg", G = "g", Mg = "mg", T = "t", Lb = "lb",
        Oz = "oz", Kt = "kt", Mt = "Mt", L = "l", Ml = "ml", Gal = "gal", Bbl = "bbl",
        Kmh = "km/h", Mph = "mph", Kn = "kn", W = "W", Kw = "kW", Mw = "MW", Gw = "GW",
        Kwh = "kWh", Mwh = "MWh", Gwh = "GWh", Twh = "TWh", Mhz = "MHz", Ghz = "GHz",
        Mb = "MB", Gb = "GB", Tb = "TB", Celsius = "C", Fahrenheit = "F",
    }
}

/// The unit of a figure: a currency (MONEY), percent (PERCENT) or a unit
/// of measure (QUANTITY). Cardinals have none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// An ISO 4217 currency.
    Currency(Currency),
    /// `%`: percent or percentage points.
    Percent,
    /// A unit of measure.
    Measure(Measure),
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Unit::Currency(c) => c.as_str(),
            Unit::Percent => "%",
            Unit::Measure(m) => m.as_str(),
        })
    }
}

/// A unit string this version does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownUnit(String);

impl fmt::Display for UnknownUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown unit {:?}", self.0)
    }
}

impl FromStr for Unit {
    type Err = UnknownUnit;
    fn from_str(s: &str) -> Result<Unit, UnknownUnit> {
        if s == "%" {
            return Ok(Unit::Percent);
        }
        Currency::from_code(s)
            .map(Unit::Currency)
            .or_else(|| Measure::from_code(s).map(Unit::Measure))
            .ok_or_else(|| UnknownUnit(s.to_string()))
    }
}

impl Serialize for Unit {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Unit {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Unit, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A figure's normalized value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct FigureValue {
    /// The number or range; null for counts with no definite number
    /// ("thousands", "dozens").
    pub amount: Option<Amount>,
    /// The currency, `%` or unit of measure; null for cardinals.
    #[serde(default)]
    pub unit: Option<Unit>,
    /// "about", "more than", "up to": how the amount is hedged.
    #[serde(default, rename = "mod")]
    pub modifier: Option<FigureMod>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_serialize_as_the_schema_says() {
        let v = FigureValue {
            amount: Some(Amount::Number(95e9)),
            unit: Some(Unit::Currency(Currency::Eur)),
            modifier: Some(FigureMod::MoreThan),
        };
        let json = serde_json::to_string(&v).unwrap();
        assert_eq!(
            json,
            r#"{"amount":95000000000,"unit":"EUR","mod":"MORE_THAN"}"#
        );
        assert_eq!(serde_json::from_str::<FigureValue>(&json).unwrap(), v);
        let r = FigureValue {
            amount: Amount::range(2.0, 3.5),
            unit: Some(Unit::Percent),
            modifier: None,
        };
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(json, r#"{"amount":[2,3.5],"unit":"%","mod":null}"#);
        assert_eq!(serde_json::from_str::<FigureValue>(&json).unwrap(), r);
    }

    #[test]
    fn units_read_back_what_they_write_and_refuse_the_rest() {
        for u in ["USD", "UAH", "%", "km2", "km/h", "MW", "t"] {
            assert_eq!(u.parse::<Unit>().unwrap().to_string(), u);
        }
        assert!("usd".parse::<Unit>().is_err());
        assert!("furlong".parse::<Unit>().is_err());
        assert!(serde_json::from_str::<Amount>("[5, 3]").is_err());
    }
}
