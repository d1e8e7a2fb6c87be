package fake

// Word lists for the samples. The names are common Indian given names and
// surnames, combined at random; they do not describe real people.

var maleNames = []string{
	"Aarav", "Abhishek", "Ajay", "Akash", "Amit", "Anand", "Anil", "Arjun", "Ashok", "Deepak",
	"Dinesh", "Ganesh", "Gaurav", "Harish", "Imran", "Jagdish", "Karan", "Kiran", "Mahesh", "Manoj",
	"Mohan", "Mukesh", "Naveen", "Nikhil", "Pankaj", "Pradeep", "Prakash", "Rahul", "Rajesh", "Rakesh",
	"Ramesh", "Ravi", "Rohit", "Sachin", "Sanjay", "Santosh", "Sunil", "Suresh", "Tarun", "Vijay",
	"Vikram", "Vinod", "Yusuf", "Gurpreet", "Harpreet", "Senthil", "Murugan", "Venkatesh", "Sridhar", "Biju",
}

var femaleNames = []string{
	"Aarti", "Aishwarya", "Anita", "Anjali", "Ayesha", "Bhavna", "Deepa", "Divya", "Farah", "Geeta",
	"Jyoti", "Kavita", "Lakshmi", "Madhuri", "Meena", "Neha", "Nisha", "Pooja", "Priya", "Rekha",
	"Ritu", "Sangeeta", "Savita", "Shalini", "Shweta", "Sneha", "Sunita", "Swati", "Usha", "Vandana",
	"Kamala", "Lata", "Parveen", "Rupinder", "Selvi", "Revathi", "Sreeja", "Mousumi", "Ishita", "Tanvi",
}

var (
	maleMiddle   = []string{"Kumar", "Lal", "Prasad", "Chandra", "Nath", "Singh"}
	femaleMiddle = []string{"Kumari", "Devi", "Bai", "Rani"}
)

var surnames = []string{
	"Sharma", "Verma", "Gupta", "Singh", "Kumar", "Patel", "Shah", "Mehta", "Joshi", "Yadav",
	"Reddy", "Rao", "Naidu", "Nair", "Menon", "Pillai", "Iyer", "Iyengar", "Das", "Banerjee",
	"Chatterjee", "Mukherjee", "Ghosh", "Bose", "Sen", "Khan", "Ansari", "Qureshi", "Sheikh", "Mishra",
	"Tiwari", "Pandey", "Dubey", "Chauhan", "Rathore", "Jadhav", "Patil", "Kulkarni", "Deshmukh", "Gill",
	"Sandhu", "Dhillon", "Kaur", "Thakur", "Saxena", "Agarwal", "Bansal", "Jain", "Choudhary", "Hegde",
}

// Given names and surnames written in Devanagari.
var (
	hindiMale     = []string{"रमेश", "सुरेश", "महेश", "राजेश", "अमित", "सुनील", "विनोद", "मनोज", "संजय", "अनिल"}
	hindiFemale   = []string{"सीता", "गीता", "सुनीता", "अनीता", "कविता", "रेखा", "पूजा", "नेहा", "ज्योति", "सविता"}
	hindiSurnames = []string{"शर्मा", "वर्मा", "गुप्ता", "सिंह", "यादव", "मिश्रा", "तिवारी", "पाण्डेय", "चौहान", "प्रसाद"}
)

var hindiPlaces = []string{"रामपुर", "सीतापुर", "बलिया", "गोरखपुर", "मथुरा", "आगरा", "भोपाल", "इंदौर", "पटना", "गया", "जयपुर", "अजमेर", "वाराणसी", "प्रयागराज", "कानपुर"}

type place struct{ District, State string }

var places = []place{
	{"Lucknow", "Uttar Pradesh"}, {"Varanasi", "Uttar Pradesh"}, {"Gorakhpur", "Uttar Pradesh"},
	{"Patna", "Bihar"}, {"Gaya", "Bihar"}, {"Jaipur", "Rajasthan"}, {"Ajmer", "Rajasthan"},
	{"Bhopal", "Madhya Pradesh"}, {"Indore", "Madhya Pradesh"}, {"Pune", "Maharashtra"},
	{"Nagpur", "Maharashtra"}, {"Thane", "Maharashtra"}, {"Bengaluru Urban", "Karnataka"},
	{"Mysuru", "Karnataka"}, {"Chennai", "Tamil Nadu"}, {"Madurai", "Tamil Nadu"},
	{"Coimbatore", "Tamil Nadu"}, {"Hyderabad", "Telangana"}, {"Warangal", "Telangana"},
	{"Visakhapatnam", "Andhra Pradesh"}, {"Ernakulam", "Kerala"}, {"Thiruvananthapuram", "Kerala"},
	{"Kolkata", "West Bengal"}, {"Howrah", "West Bengal"}, {"Ahmedabad", "Gujarat"},
	{"Surat", "Gujarat"}, {"Ludhiana", "Punjab"}, {"Amritsar", "Punjab"}, {"Cuttack", "Odisha"},
	{"Kamrup Metropolitan", "Assam"}, {"New Delhi", "Delhi"}, {"South West Delhi", "Delhi"},
}

var centreKinds = []string{"PHC", "CHC", "UPHC", "District Hospital", "Sub Centre", "Govt Hospital", "Urban Health Post"}

var villages = []string{
	"Rampur", "Sitapur", "Kheri", "Bhagwanpur", "Chandpur", "Nayagaon", "Shivpuri", "Devgarh",
	"Kalyanpur", "Sultanpur", "Madhopur", "Haripur", "Gopalpur", "Sector 12", "Ward 7", "Anna Nagar",
	"Kothrud", "Salt Lake", "Indiranagar", "Gandhi Nagar",
}

var banks = []string{"okaxis", "okhdfcbank", "okicici", "oksbi", "ybl", "ibl", "axl", "paytm", "upi", "apl"}

var userAgents = []string{
	"Mozilla/5.0 (Linux; Android 13; SM-A536E Build/TP1A.220624.014) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.6261.105 Mobile Safari/537.36",
	"Mozilla/5.0 (Linux; Android 12; RMX3381) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36",
	"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36",
	"Mozilla/5.0 (iPhone; CPU iPhone OS 17_3_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Mobile/15E148 Safari/604.1",
	"Mozilla/5.0 (Linux; Android 11; Redmi Note 9 Pro Build/RKQ1.200826.002) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.6045.193 Mobile Safari/537.36",
	"okhttp/4.12.0",
	"Dalvik/2.1.0 (Linux; U; Android 10; vivo 1935 Build/QP1A.190711.020)",
	"curl/8.5.0",
	"Go-http-client/2.0",
	"kube-probe/1.29",
	"Apache-HttpClient/4.5.14 (Java/17.0.10)",
}
