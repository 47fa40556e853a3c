using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PayloadGen.Generators.Parsing;

/// <summary>
/// Whether this project writes its methods' size evidence into its assembly for the projects that reference it
/// (<see cref="SizeModel.SummaryExport"/>). The export analyses every public and internal method whose result can
/// grow, on every build and after every edit, so it runs only where it is read: in data projects (repositories,
/// services) that handler projects reference. <c>PayloadGenExportSizeEvidence</c> (made compiler-visible by
/// PayloadGen.props) decides when set to <c>true</c> or <c>false</c>; otherwise a project exports unless it is itself
/// a Lambda function project — it declares <c>[ClaimCheck]</c> handlers, or its project file says
/// <c>&lt;AWSProjectType&gt;Lambda&lt;/AWSProjectType&gt;</c> as the AWS templates do.
/// </summary>
internal readonly record struct SizeEvidenceExportSetting(bool? Explicit, bool IsLambdaProject)
{
    /// <summary>The MSBuild property that turns the export on or off.</summary>
    public const string ExportProperty = "build_property.PayloadGenExportSizeEvidence";

    /// <summary>The property the AWS Lambda project templates set to <c>Lambda</c>.</summary>
    public const string AwsProjectTypeProperty = "build_property.AWSProjectType";

    /// <summary>
    /// Reads the build properties. A value of <c>PayloadGenExportSizeEvidence</c> other than <c>true</c> or <c>false</c>
    /// (any case) leaves the decision to the project's kind, as an unset one does.
    /// </summary>
    public static SizeEvidenceExportSetting Read(AnalyzerConfigOptions globalOptions)
    {
        globalOptions.TryGetValue(ExportProperty, out string? export);
        globalOptions.TryGetValue(AwsProjectTypeProperty, out string? projectType);
        bool? explicitChoice = bool.TryParse(export?.Trim(), out bool parsed) ? parsed : null;
        return new SizeEvidenceExportSetting(explicitChoice, string.Equals(projectType?.Trim(), "Lambda", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>True when the project exports, given whether it declares <c>[ClaimCheck]</c> handlers.</summary>
    public bool Exports(bool declaresClaimCheckHandlers) => Explicit ?? !(IsLambdaProject || declaresClaimCheckHandlers);
}
