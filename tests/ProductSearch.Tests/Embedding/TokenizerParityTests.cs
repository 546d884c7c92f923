using ProductSearch.Embedding;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Embedding;

/// <summary>Our WordPiece ids against Hugging Face's Rust tokenizer on the 975 golden texts (hard cases included).</summary>
public sealed class TokenizerParityTests
{
    [SkippableFact]
    public void All_golden_texts_give_hugging_face_ids()
    {
        var rows = GoldenFile.Read("tokenizer-bert-base-uncased.jsonl");
        Assert.Equal(975, rows.Count);
        var tokenizer = TestModels.MiniLm.Model.Tokenizer;
        var mismatches = rows.Where(r => !tokenizer.Encode(r.Text).SequenceEqual(r.Ids))
            .Select(r => $"{r.Source}: want [{string.Join(' ', r.Ids)}] got [{string.Join(' ', tokenizer.Encode(r.Text))}]")
            .ToList();
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {rows.Count} differ:\n" + string.Join("\n", mismatches.Take(10)));
    }

    [Theory]
    [InlineData("girls white shoes", new[] { 101, 3057, 2317, 6007, 102 })]
    [InlineData("hello world", new[] { 101, 7592, 2088, 102 })]
    [InlineData("", new[] { 101, 102 })]
    [InlineData("   \t ", new[] { 101, 102 })]
    [InlineData("[CLS] hello [SEP] world [MASK] [UNK] [PAD]", new[] { 101, 101, 7592, 102, 2088, 103, 100, 0, 102 })]
    public void Known_texts_give_known_ids(string text, int[] ids) =>
        Assert.Equal(ids, TestModels.MiniLm.Model.Tokenizer.Encode(text));

    [Fact]
    public void Truncation_keeps_cls_the_first_pieces_and_sep()
    {
        var tokenizer = TestModels.MiniLm.Model.Tokenizer;
        var ids = tokenizer.Encode(string.Join(' ', Enumerable.Repeat("shoe", 300)), 256);
        Assert.Equal(256, ids.Length);
        Assert.Equal(tokenizer.ClassifierId, ids[0]);
        Assert.Equal(tokenizer.SeparatorId, ids[^1]);
        Assert.All(ids[1..^1], id => Assert.Equal(tokenizer.Vocabulary.IdOf("shoe"), id));
    }

    [Fact]
    public void Lone_surrogates_are_replaced_not_thrown()
    {
        var tokenizer = TestModels.MiniLm.Model.Tokenizer;
        Assert.Equal(tokenizer.Encode("shoe red"), tokenizer.Encode("shoe\uD800 red\uDC00"));
    }

    [Fact]
    public void A_word_over_100_characters_is_one_unknown_token()
    {
        var tokenizer = TestModels.MiniLm.Model.Tokenizer;
        Assert.Equal(new[] { 101, 100, 102 }, tokenizer.Encode(new string('a', 101)));
        Assert.True(tokenizer.Encode(new string('a', 100)).Length > 3);
    }
}
