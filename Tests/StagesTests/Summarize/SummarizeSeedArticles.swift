/// Excerpts of the seed articles (`seeds/000_b91e1b26261307a9.txt`, `seeds/002_b572a6a0bfdea77a.txt`), copied so the
/// tests do not read shared files.
enum SummarizeSeedArticles {
    /// The opening of seed 002: a headline without punctuation, no-break spaces after full stops, curly quotes and a
    /// cross-heading paragraph without punctuation.
    static let usNorthKorea = """
        US north korea

        With only one month to go before 2020, US politics will start another election year full of uncertainty.\u{A0}At this point, both parties in the United States have entered the election mode, and the campaign for President Donald Trump has already opened.

        As the current president, Trump has a unique advantage in the election. In 2020, he can fully use the convenience of governing to always stand in the center of the arena of the election arena.\u{A0}However, precisely because of the position of the President, any affairs and crisis of the White House will be magnified, and Trump is likely to get into trouble on some diplomatic matters.

        It is difficult to break the deadlock in the US-DPRK negotiations

        One of Trump’s biggest breakthroughs in diplomacy is the easing of US-DPRK relations, but this process has not progressed smoothly this year.\u{A0}In April this year, after North Korea ’s “Special Gold Club” broke up, North Korea formally set a “dead line” for the United States and asked the United States to provide a new denuclearization plan by the end of 2019. The “new way” for North Korea’s development will be considered.
        """

    /// The opening of seed 000: a punctuated first line (not a headline), an `[ad_1]` line and Korean text.
    static let diplomaticAuthorities = """
        Diplomatic authorities are aware of the results of the US presidential elections.



        [ad_1]

        [2020 미국의 선택]Trump aggressively negotiates negotiations between North Korea and the US, Biden values the North Korea-US alliance.
        The government has prepared countermeasures such as the formation of a Task Force (TF), as the results of the US presidential elections could greatly shake the diplomatic landscape of the Korean peninsula. If US President Donald Trump is re-elected, there is a high possibility that the ROK-US alliance will face another hurdle, while the possibility of resuming denuclearization talks between North leaders and the United States will survive. When Democratic Party candidate Joe Biden is elected, the chance of stabilizing US-ROK relations is high, as a breakthrough in negotiations for the Republic’s defense cost sharing. from Korea and the US, but there are many prospects that it is difficult to expect a surprise summit between North Korea and the US.

        On the 3rd, a diplomatic official said: “We have held several TF meetings to prepare for various scenarios following the results of the US presidential elections.”
        """
}
