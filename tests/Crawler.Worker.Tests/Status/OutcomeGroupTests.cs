using Crawler.Worker.Status;

namespace Crawler.Worker.Tests.Status;

public class OutcomeGroupTests
{
    /// <summary>The overview's outcome groups come from the template declarations and are the six printed groups of table 3.</summary>
    [Fact]
    public void The_outcome_groups_hold_every_result_row_of_every_template_in_printed_order()
    {
        Assert.Equal(["予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理"], StatusQueries.Outcomes.Select(o => o.Name));
        Assert.Equal(["#2e7d32", "#7cb342", "#d84315", "#f9a825", "#6d4c41", "#5c6bc0"], StatusQueries.Outcomes.Select(o => o.Color));
        Assert.Equal(["otherNoCorrection", "otherNoFee", "otherOther", "otherHandling"], StatusQueries.Outcomes[^1].Rows);
        Assert.Equal(["deniedStateSecret", "deniedProhibitedByLaw", "deniedSecurityStability", "deniedThirdPartyRights", "deniedInternalAffairs",
            "deniedProcessInformation", "deniedEnforcementCaseFile", "deniedAdministrativeQuery"], StatusQueries.Outcomes[2].Rows);
        Assert.Equal(["granted"], StatusQueries.Outcomes[0].Rows);
        Assert.Equal(["partiallyGranted"], StatusQueries.Outcomes[1].Rows);
        Assert.Equal(3, StatusQueries.Outcomes[3].Rows.Length);
        Assert.Equal(5, StatusQueries.Outcomes[4].Rows.Length);
        Assert.Equal(23, StatusQueries.TotalKeys.Count);
    }
}
