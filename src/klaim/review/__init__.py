"""Human review: static review pages of claims in their article, and the Label Studio round trip."""
