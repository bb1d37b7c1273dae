using Campaigns.Contacts;

namespace Campaigns.Tests.Contacts;

public class close_names
{
    [Theory]
    [InlineData("Jan van der Berg", "jan VAN DER berg")]
    [InlineData("Jan van der Berg", "Jan van den Berg")]
    [InlineData("Jan van der Berg", "Jan Berg")]
    [InlineData("Jan van der Berg", "J. van der Berg")]
    [InlineData("Jan van der Berg", "Berg, Jan van der")]
    [InlineData("Sophie Hermans", "Sophie Hermáns")]
    [InlineData("Mustafa Amhaouch", "Mustafa Amhaoch")]
    [InlineData("Dr. Ingrid Thijssen", "Ingrid Thijssen")]
    public void these_could_be_one_person(string a, string b)
    {
        Assert.True(NameMatching.Close(a, b));
        Assert.True(NameMatching.Close(b, a));
    }

    [Theory]
    [InlineData("Jan van der Berg", "Piet van der Berg")]
    [InlineData("Henri Bontenbal", "Henri Brinkman")]
    [InlineData("Anne", "Anna de Vries")]
    [InlineData("van der", "van der")]
    public void these_are_different_people(string a, string b) => Assert.False(NameMatching.Close(a, b));
}
