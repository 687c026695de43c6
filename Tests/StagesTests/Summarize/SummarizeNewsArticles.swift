/// A CNN story from the training set of the news summaries (`news_train.jsonl`, id `cnn_b4_02637`), copied so the
/// tests do not read shared files; its highlights are ``pacquiaoReviewHighlights``.
enum SummarizeNewsArticles {
    /// A sports story with a `(CNN) --` dateline, quotations and attributions.
    static let pacquiaoReview = """
        (CNN) -- The WBO said Wednesday it will review Timothy Bradley's controversial victory over Manny Pacquiao at the welterweight title fight.

        Saturday night's split decision rocked many who follow boxing and Pacquiao's home country of the Philippines.

        WBO President Francisco "Paco" Valcárcel, in a statement, said the organization's championship committee will have "five recognized international judges to evaluate the video of the match and agree to what emerges."

        Pacquiao appeared to dominate Bradley during the fight at the MGM Grand in Las Vegas, but the judges felt otherwise.

        Two of the ringside judges had the fight 115-113 for Bradley while the other judge scored it 115-113 for Pacquiao.

        "I want to clarify that in no way this says that we are doubting the capacity of these judges, which we consider as honest and competent judges," Valcárcel said of the review.

        After the judges' scores were announced, most of the sold-out crowd at the MGM Grand in Las Vegas voiced its displeasure.

        Bradley, a native of Cathedral City, California, remained unbeaten with 29 wins, along with one no-contest.

        Pacquiao suffered his first loss since 2005.

        Now, the question is what Bradley's win or Pacquiao's loss will mean for boxing. After the bout, both announced they were interested in a rematch. Many fans have called for a potential showdown between Pacquiao and Floyd Mayweather Jr.

        In the Philippines, where "Pacman" Pacquiao is worshipped, there have been accusations of foul play. A Filipino congressman called the fight "rigged." Rep. Joseph Victor Ejercito told the local media, "It's obvious that Pacquiao was ahead. I can't see how he lost."

        "People were in shock and disbelief," said Lito Tacujan, sports editor of the Manila-based Philippine Star daily. "Everybody felt furious with the result. They thought the match result was set up or scripted."
        """

    /// The story's human highlights, one per line.
    static let pacquiaoReviewHighlights = """
        WBO committee to review fight
        Timothy Bradley defeated Manny Pacquiao to win WBO welterweight title
        Two judges scored fight for Bradley, other judge scored fight for Pacquiao
        Bradley remains unbeaten; Pacquiao suffers first loss since 2005
        """
}
