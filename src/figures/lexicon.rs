//! The words around a number: currencies by symbol, code and name, units
//! of measure, percent, and the hedges ("about", "more than", "up to").
//!
//! Word lookups take lowercase ASCII; symbols and codes are matched as
//! written, because case tells "USD" from "usd" and "MW" from "mw".

use super::value::{Currency, FigureMod, Measure};

/// A currency sign or prefix written before the number: "$", "US$", "€",
/// "₽", "Rs".
pub(super) fn currency_sign(tok: &str) -> Option<Currency> {
    use Currency::*;
    Some(match tok {
        "$" | "US$" => Usd,
        "€" => Eur,
        "£" => Gbp,
        "¥" => Jpy,
        "₽" => Rub,
        "₴" => Uah,
        "₹" | "Rs" => Inr,
        "₩" => Krw,
        "₺" => Try,
        "₪" => Ils,
        "C$" | "CA$" => Cad,
        "A$" | "AU$" => Aud,
        "NZ$" => Nzd,
        "HK$" => Hkd,
        "S$" => Sgd,
        "NT$" => Twd,
        "R$" => Brl,
        _ => return None,
    })
}

/// An ISO 4217 code written in capitals ("USD 5m", "5m EUR"), and "RMB".
pub(super) fn currency_code(tok: &str) -> Option<Currency> {
    if tok == "RMB" {
        return Some(Currency::Cny);
    }
    (tok.len() == 3).then(|| Currency::from_code(tok)).flatten()
}

/// A currency named after the number ("euros", "roubles"), with the
/// power of ten of its subunits ("cents" are hundredths of a dollar: -2).
pub(super) fn currency_name(w: &str) -> Option<(Currency, i32)> {
    use Currency::*;
    Some(match w {
        "dollar" | "dollars" => (Usd, 0),
        "euro" | "euros" => (Eur, 0),
        "pound" | "pounds" | "sterling" => (Gbp, 0),
        "rouble" | "roubles" | "ruble" | "rubles" => (Rub, 0),
        "hryvnia" | "hryvnias" | "hryvnya" | "hryvnyas" | "hryvni" | "hryvnas" => (Uah, 0),
        "yuan" | "renminbi" => (Cny, 0),
        "yen" => (Jpy, 0),
        "rupee" | "rupees" => (Inr, 0),
        "franc" | "francs" => (Chf, 0),
        "lira" | "liras" | "lire" => (Try, 0),
        "shekel" | "shekels" => (Ils, 0),
        "zloty" | "zlotys" | "zlotych" => (Pln, 0),
        "rand" => (Zar, 0),
        "reais" => (Brl, 0),
        "peso" | "pesos" => (Mxn, 0),
        "krona" | "kronor" => (Sek, 0),
        "krone" | "kroner" => (Nok, 0),
        "koruna" | "korunas" => (Czk, 0),
        "forint" | "forints" => (Huf, 0),
        "riyal" | "riyals" => (Sar, 0),
        "dirham" | "dirhams" => (Aed, 0),
        "naira" => (Ngn, 0),
        "tenge" => (Kzt, 0),
        "lari" => (Gel, 0),
        "manat" | "manats" => (Azn, 0),
        "dram" | "drams" => (Amd, 0),
        "dong" => (Vnd, 0),
        "baht" => (Thb, 0),
        "ringgit" => (Myr, 0),
        "rupiah" => (Idr, 0),
        "cent" | "cents" => (Usd, -2),
        "pence" | "penny" => (Gbp, -2),
        "kopeck" | "kopecks" | "kopek" | "kopeks" => (Rub, -2),
        _ => return None,
    })
}

/// The currency a nationality makes of a currency name: "Canadian
/// dollars", "Belarusian roubles", "Egyptian pounds". `adj` lowercase.
pub(super) fn national(adj: &str, base: Currency) -> Option<Currency> {
    use Currency::*;
    Some(match (adj, base) {
        ("us" | "u.s." | "american", Usd) => Usd,
        ("canadian", Usd) => Cad,
        ("australian", Usd) => Aud,
        ("zealand", Usd) => Nzd,
        ("kong", Usd) => Hkd,
        ("singapore" | "singaporean", Usd) => Sgd,
        ("taiwan" | "taiwanese", Usd) => Twd,
        ("russian", Rub) => Rub,
        ("belarusian" | "belarusan", Rub) => Byn,
        ("ukrainian", Uah) => Uah,
        ("chinese", Cny) => Cny,
        ("japanese", Jpy) => Jpy,
        ("swiss", Chf) => Chf,
        ("indian", Inr) => Inr,
        ("pakistani", Inr) => Pkr,
        ("british", Gbp) => Gbp,
        ("egyptian", Gbp) => Egp,
        ("lebanese", Gbp) => Lbp,
        ("syrian", Gbp) => Syp,
        ("turkish", Try) => Try,
        ("israeli", Ils) => Ils,
        ("polish", Pln) => Pln,
        ("african", Zar) => Zar,
        ("brazilian", Brl) => Brl,
        ("mexican", Mxn) => Mxn,
        ("argentine" | "argentinian", Mxn) => Ars,
        ("philippine", Mxn) => Php,
        ("swedish", Sek) => Sek,
        ("norwegian", Nok) => Nok,
        ("danish", Nok) => Dkk,
        ("czech", Czk) => Czk,
        ("hungarian", Huf) => Huf,
        ("saudi", Sar) => Sar,
        ("moldovan", Ron) => Mdl,
        ("romanian", Ron) => Ron,
        _ => return None,
    })
}

/// A unit of measure written as a symbol after the number or inside its
/// token ("10km", "500 MW"), case as written.
pub(super) fn measure_symbol(s: &str) -> Option<Measure> {
    use Measure::*;
    Some(match s {
        "km" => Km,
        "m" => M,
        "cm" => Cm,
        "mm" => Mm,
        "mi" => Mi,
        "ft" => Ft,
        "km2" | "km²" | "sqkm" => Km2,
        "m2" | "m²" => M2,
        "m3" | "m³" => M3,
        "ha" => Ha,
        "kg" | "kgs" => Kg,
        "mg" => Mg,
        "t" => T,
        "lb" | "lbs" => Lb,
        "oz" => Oz,
        "kt" => Kt,
        "Mt" => Mt,
        "l" | "L" => L,
        "ml" => Ml,
        "bbl" => Bbl,
        "bcm" => M3,
        "km/h" | "kph" | "kmh" => Kmh,
        "mph" => Mph,
        "W" => W,
        "kW" => Kw,
        "MW" => Mw,
        "GW" => Gw,
        "kWh" => Kwh,
        "MWh" => Mwh,
        "GWh" => Gwh,
        "TWh" => Twh,
        "MHz" => Mhz,
        "GHz" => Ghz,
        "MB" => Mb,
        "GB" => Gb,
        "TB" => Tb,
        _ => return None,
    })
}

/// "bcm" is a billion cubic metres: its scale comes with it.
pub(super) fn symbol_scale(s: &str) -> i32 {
    if s == "bcm" {
        9
    } else {
        0
    }
}

/// A unit of measure written as a word, lowercase, singular or plural,
/// also as the second half of a hyphenated token ("5-tonne").
pub(super) fn measure_name(w: &str) -> Option<Measure> {
    use Measure::*;
    Some(match w {
        "kilometre" | "kilometres" | "kilometer" | "kilometers" => Km,
        "metre" | "metres" | "meter" | "meters" => M,
        "centimetre" | "centimetres" | "centimeter" | "centimeters" => Cm,
        "millimetre" | "millimetres" | "millimeter" | "millimeters" => Mm,
        "mile" | "miles" => Mi,
        "foot" | "feet" => Ft,
        "inch" | "inches" => In,
        "yard" | "yards" => Yd,
        "hectare" | "hectares" => Ha,
        "acre" | "acres" => Acre,
        "kilogram" | "kilograms" | "kilogramme" | "kilogrammes" | "kilo" | "kilos" => Kg,
        "gram" | "grams" | "gramme" | "grammes" => G,
        "milligram" | "milligrams" => Mg,
        "tonne" | "tonnes" | "ton" | "tons" => T,
        "ounce" | "ounces" => Oz,
        "kiloton" | "kilotons" | "kilotonne" | "kilotonnes" => Kt,
        "megaton" | "megatons" | "megatonne" | "megatonnes" => Mt,
        "litre" | "litres" | "liter" | "liters" => L,
        "millilitre" | "millilitres" | "milliliter" | "milliliters" => Ml,
        "gallon" | "gallons" => Gal,
        "barrel" | "barrels" => Bbl,
        "knot" | "knots" => Kn,
        "watt" | "watts" => W,
        "kilowatt" | "kilowatts" => Kw,
        "megawatt" | "megawatts" => Mw,
        "gigawatt" | "gigawatts" => Gw,
        "kilowatt-hour" | "kilowatt-hours" => Kwh,
        "megawatt-hour" | "megawatt-hours" => Mwh,
        "gigawatt-hour" | "gigawatt-hours" => Gwh,
        "terawatt-hour" | "terawatt-hours" => Twh,
        "megahertz" => Mhz,
        "gigahertz" => Ghz,
        "megabyte" | "megabytes" => Mb,
        "gigabyte" | "gigabytes" => Gb,
        "terabyte" | "terabytes" => Tb,
        _ => return None,
    })
}

/// A square or cubic unit after "square"/"sq"/"cubic": "square
/// kilometres", "sq miles", "cubic metres".
pub(super) fn power_measure(power: &str, unit: Measure) -> Option<Measure> {
    use Measure::*;
    Some(match (power, unit) {
        ("square" | "sq" | "sq.", Km) => Km2,
        ("square" | "sq" | "sq.", M) => M2,
        ("square" | "sq" | "sq.", Mi) => Mi2,
        ("cubic", M) => M3,
        _ => return None,
    })
}

/// Words that say percent after a number: "%" is a token of its own,
/// "per cent" two words, "percentage points" two more.
pub(super) fn percent_word(w: &str) -> bool {
    matches!(
        w,
        "percent" | "per-cent" | "pct" | "pc" | "percentage-point" | "percentage-points"
    )
}

/// A hedge before a figure, as lowercase words, and its TIMEX3 `mod`.
/// Longest first, so that "more than" wins over nothing and "just over"
/// over "over".
pub(super) const HEDGES: &[(&[&str], FigureMod)] = &[
    (&["in", "excess", "of"], FigureMod::MoreThan),
    (&["no", "more", "than"], FigureMod::EqualOrLess),
    (&["not", "more", "than"], FigureMod::EqualOrLess),
    (&["no", "fewer", "than"], FigureMod::EqualOrMore),
    (&["no", "less", "than"], FigureMod::EqualOrMore),
    (&["not", "less", "than"], FigureMod::EqualOrMore),
    (&["as", "many", "as"], FigureMod::EqualOrLess),
    (&["as", "much", "as"], FigureMod::EqualOrLess),
    (&["as", "few", "as"], FigureMod::EqualOrMore),
    (&["a", "maximum", "of"], FigureMod::EqualOrLess),
    (&["a", "minimum", "of"], FigureMod::EqualOrMore),
    (&["more", "than"], FigureMod::MoreThan),
    (&["greater", "than"], FigureMod::MoreThan),
    (&["upwards", "of"], FigureMod::MoreThan),
    (&["just", "over"], FigureMod::MoreThan),
    (&["well", "over"], FigureMod::MoreThan),
    (&["just", "above"], FigureMod::MoreThan),
    (&["less", "than"], FigureMod::LessThan),
    (&["fewer", "than"], FigureMod::LessThan),
    (&["just", "under"], FigureMod::LessThan),
    (&["just", "below"], FigureMod::LessThan),
    (&["close", "to"], FigureMod::Approx),
    (&["up", "to"], FigureMod::EqualOrLess),
    (&["at", "most"], FigureMod::EqualOrLess),
    (&["at", "least"], FigureMod::EqualOrMore),
    (&["an", "estimated"], FigureMod::Approx),
    (&["about"], FigureMod::Approx),
    (&["around"], FigureMod::Approx),
    (&["roughly"], FigureMod::Approx),
    (&["approximately"], FigureMod::Approx),
    (&["some"], FigureMod::Approx),
    (&["nearly"], FigureMod::LessThan),
    (&["almost"], FigureMod::LessThan),
    (&["over"], FigureMod::MoreThan),
    (&["above"], FigureMod::MoreThan),
    (&["under"], FigureMod::LessThan),
    (&["below"], FigureMod::LessThan),
];
